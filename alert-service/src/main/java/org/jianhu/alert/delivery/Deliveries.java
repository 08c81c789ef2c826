package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery queue. Retry times and leases are the database's clock: they are about the wire, not about the
 * business dates the service's clock decides.
 */
@Repository
class Deliveries {

    private static final String COLUMNS = "id, subscription_id, channel, alert_id, position, status, attempts, "
            + "next_attempt_at, last_error, created_at, delivered_at, routing_key, payload";

    /** The advisory lock claims take turns on, in the two-key space: "JHDC". */
    private static final int CLAIMS = 0x4A48_4443;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For every matching subscription but queues (they read the exchange); a change goes once to each. */
    void enqueueForSubscribers(UUID alertId, long position, String routingKey, String payload, String matches) {
        jdbc.sql("INSERT INTO delivery (id, subscription_id, channel, alert_id, position, routing_key, payload, status, "
                        + "next_attempt_at) SELECT gen_random_uuid(), s.id, s.channel, a.id, ?, ?, ?, 'pending', now() "
                        + "FROM subscription s JOIN alert a ON a.id = ? WHERE s.channel IN "
                        + Channel.deliveredPerSubscriptionSql() + " AND " + matches + " ON CONFLICT DO NOTHING")
                .params(position, routingKey, payload, alertId).update();
    }

    /** Once per change for the alerts exchange, where subscriber queues take what their bindings match. */
    void enqueueForExchange(UUID alertId, long position, String routingKey, String payload) {
        jdbc.sql("INSERT INTO delivery (id, channel, alert_id, position, routing_key, payload, status, next_attempt_at) "
                        + "VALUES (gen_random_uuid(), 'queue', ?, ?, ?, ?, 'pending', now()) ON CONFLICT DO NOTHING")
                .params(alertId, position, routingKey, payload).update();
    }

    /**
     * Claims, for {@code lease}, at most {@code capacity} due deliveries that no one holds a live lease on, oldest
     * first, and of each destination only as many as may start now: up to {@code perDestination} in flight, none
     * while its breaker is open, one while it is probing (see {@code Breaker.state}). Claims take turns (an
     * advisory lock), so that what is in flight is counted right across instances; the caller commits at once.
     *
     * @param leasedBy the claim's own name, which the outcome must still find on the row to be recorded
     */
    List<Delivery> claim(int capacity, int perDestination, Duration lease, String leasedBy) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, 0)").param(CLAIMS).query((rs, row) -> 1).list();
        return jdbc.sql("""
                        WITH in_flight AS (
                            SELECT destination, count(*) AS sending FROM delivery WHERE lease_until > now()
                            GROUP BY destination),
                        room AS (
                            SELECT due.destination,
                                   CASE WHEN b.open_until IS NULL THEN ? ELSE 1 END - coalesce(f.sending, 0) AS free
                            FROM (SELECT DISTINCT destination FROM delivery
                                  WHERE status = 'pending' AND next_attempt_at <= now()) due
                            LEFT JOIN destination_breaker b ON b.destination = due.destination
                            LEFT JOIN in_flight f ON f.destination = due.destination
                            WHERE b.open_until IS NULL OR b.open_until <= now())
                        UPDATE delivery SET lease_until = now() + ? * interval '1 millisecond', leased_by = ?
                        WHERE id IN (
                            SELECT picked.id FROM room CROSS JOIN LATERAL (
                                SELECT d.id, d.next_attempt_at, d.position FROM delivery d
                                WHERE d.destination = room.destination AND d.status = 'pending'
                                  AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until <= now())
                                ORDER BY d.next_attempt_at, d.position LIMIT greatest(room.free, 0)
                                FOR UPDATE SKIP LOCKED) picked
                            ORDER BY picked.next_attempt_at, picked.position LIMIT ?)
                        RETURNING\s""" + COLUMNS)
                .params(perDestination, lease.toMillis(), leasedBy, capacity).query(Deliveries::delivery).list();
    }

    /** @return false if the lease is no longer the sender's (another took the delivery, or it went): nothing stored */
    boolean delivered(UUID id, String leasedBy, String detail) {
        return outcome(id, leasedBy, true, detail, "status = 'delivered', attempts = attempts + 1, "
                + "delivered_at = now(), next_attempt_at = NULL, last_error = NULL", List.of());
    }

    boolean failed(UUID id, String leasedBy, String error, Duration retryIn) {
        return outcome(id, leasedBy, false, error, "attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = now() + ? * interval '1 millisecond'", List.of(error, retryIn.toMillis()));
    }

    boolean deadLettered(UUID id, String leasedBy, String error) {
        return outcome(id, leasedBy, false, error, "status = 'deadLettered', attempts = attempts + 1, "
                + "last_error = ?, next_attempt_at = NULL", List.of(error));
    }

    /** @return false unless the delivery was dead-lettered: it then starts a fresh round of tries */
    boolean resend(UUID subscriptionId, UUID id) {
        return jdbc.sql("UPDATE delivery SET status = 'pending', attempts = 0, next_attempt_at = now() "
                        + "WHERE id = ? AND subscription_id = ? AND status = 'deadLettered'")
                .params(id, subscriptionId).update() == 1;
    }

    List<Delivery> of(UUID subscriptionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE subscription_id = ? ORDER BY position, id")
                .param(subscriptionId).query(Deliveries::delivery).list().stream().map(this::withTries).toList();
    }

    Optional<Delivery> find(UUID subscriptionId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = ? AND subscription_id = ?")
                .params(id, subscriptionId).query(Deliveries::delivery).optional().map(this::withTries);
    }

    /** The row's new state and the try in the log, only while the sender's lease is on it; the lease ends. */
    private boolean outcome(UUID id, String leasedBy, boolean succeeded, String detail, String set, List<Object> values) {
        List<Object> params = new ArrayList<>(values);
        params.addAll(List.of(id, leasedBy));
        if (jdbc.sql("UPDATE delivery SET " + set + ", lease_until = NULL, leased_by = NULL "
                + "WHERE id = ? AND leased_by = ?").params(params).update() == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO delivery_attempt (delivery_id, attempted_at, succeeded, detail) VALUES (?, now(), ?, ?)")
                .params(id, succeeded, detail).update();
        return true;
    }

    private Delivery withTries(Delivery delivery) {
        List<Delivery.Attempt> tries = jdbc.sql("SELECT attempted_at, succeeded, detail FROM delivery_attempt "
                        + "WHERE delivery_id = ? ORDER BY id").param(delivery.id())
                .query((rs, row) -> new Delivery.Attempt(rs.getTimestamp("attempted_at").toInstant(),
                        rs.getBoolean("succeeded"), rs.getString("detail"))).list();
        return new Delivery(delivery.id(), delivery.subscriptionId(), delivery.channel(), delivery.alertId(),
                delivery.position(), delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
                delivery.lastError(), delivery.createdAt(), delivery.deliveredAt(), delivery.routingKey(),
                delivery.payload(), tries);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("channel"), rs.getObject("alert_id", UUID.class), rs.getLong("position"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("delivered_at")), rs.getString("routing_key"), rs.getString("payload"),
                List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
