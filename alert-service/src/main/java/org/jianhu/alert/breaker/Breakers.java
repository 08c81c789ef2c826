package org.jianhu.alert.breaker;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The breakers of every destination ({@code destination_breaker}), one per subscription and one for the alerts
 * exchange ({@link #EXCHANGE}). Kept in the database, so every instance trips and respects the same breaker and
 * a restart forgets none. A subscription's breaker goes with it.
 */
@Repository
public class Breakers {

    /** The alerts exchange's destination key, as the delivery queue has it for rows without a subscription. */
    public static final UUID EXCHANGE = new UUID(0, 0);

    private final JdbcClient jdbc;

    Breakers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A breaker as it stands, with the database's time to judge it by. */
    public record AtTime(Breaker breaker, Instant now) {
    }

    /**
     * The destination's breaker, locked until the caller's transaction ends, so that outcomes arriving together
     * count one after the other.
     *
     * @param subscriptionId the subscription, or null for the alerts exchange
     */
    public AtTime lock(UUID subscriptionId) {
        jdbc.sql("INSERT INTO destination_breaker (subscription_id) VALUES (?) ON CONFLICT (destination) DO NOTHING")
                .param(subscriptionId).update();
        return jdbc.sql("SELECT consecutive_failures, openings, open_until, last_error, now() AS now "
                        + "FROM destination_breaker WHERE destination = ? FOR UPDATE")
                .param(destination(subscriptionId))
                .query((rs, row) -> new AtTime(breaker(rs), rs.getTimestamp("now").toInstant())).single();
    }

    public void store(UUID subscriptionId, Breaker breaker) {
        jdbc.sql("UPDATE destination_breaker SET consecutive_failures = ?, openings = ?, open_until = ?, "
                        + "last_error = ? WHERE destination = ?")
                .params(breaker.consecutiveFailures(), breaker.openings(), timestamp(breaker.openUntil()),
                        breaker.lastError(), destination(subscriptionId)).update();
    }

    /** The destinations' states now; one that never failed has no row and is closed. */
    public Map<UUID, DestinationState> statesOf(Collection<UUID> destinations) {
        Map<UUID, DestinationState> states = new HashMap<>();
        destinations.forEach(destination -> states.put(destination, Breaker.CLOSED.seenAt(Instant.EPOCH)));
        if (destinations.isEmpty()) {
            return states;
        }
        jdbc.sql("SELECT destination, consecutive_failures, openings, open_until, last_error, now() AS now "
                        + "FROM destination_breaker WHERE destination IN (:destinations)")
                .param("destinations", destinations)
                .query((ResultSet rs) -> {
                    states.put(rs.getObject("destination", UUID.class),
                            breaker(rs).seenAt(rs.getTimestamp("now").toInstant()));
                });
        return states;
    }

    /** How many destinations' breakers are in the state now (one that never had a delivery tried is not counted). */
    public long count(BreakerState state) {
        return jdbc.sql("SELECT consecutive_failures, openings, open_until, last_error, now() AS now "
                        + "FROM destination_breaker")
                .query((rs, row) -> breaker(rs).state(rs.getTimestamp("now").toInstant())).list().stream()
                .filter(state::equals).count();
    }

    public static UUID destination(UUID subscriptionId) {
        return subscriptionId == null ? EXCHANGE : subscriptionId;
    }

    private static Breaker breaker(ResultSet rs) throws SQLException {
        Timestamp openUntil = rs.getTimestamp("open_until");
        return new Breaker(rs.getInt("consecutive_failures"), rs.getInt("openings"),
                openUntil == null ? null : openUntil.toInstant(), rs.getString("last_error"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
