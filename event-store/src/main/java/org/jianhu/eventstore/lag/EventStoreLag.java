package org.jianhu.eventstore.lag;

import org.jianhu.eventstore.EventTables;
import org.jianhu.eventstore.horizon.ReadingHorizon;
import org.jianhu.eventstore.lag.LagReport.HoldingTransaction;
import org.jianhu.eventstore.lag.LagReport.Session;
import org.jianhu.eventstore.token.CommitOrderToken;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Measures how far the commit-ordered store holds its readers back. A long-open transaction that can
 * still append to the event table stops every reader at its position; this makes that visible,
 * naming the transaction, before it looks like a stuck processor. Measurements are cached briefly so
 * scrapes and health probes do not add up to load on the database.
 */
public class EventStoreLag {

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration cacheFor;
    private final String measurement;

    private LagReport cached;

    public EventStoreLag(DataSource dataSource, EventTables tables, Clock clock, Duration cacheFor) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.cacheFor = cacheFor;
        // One statement, so the head, the held-back events and the culprit share one horizon.
        this.measurement = """
                WITH horizon AS MATERIALIZED (SELECT %2$s AS below)
                SELECT head.tx_text, head.global_index, held.events, held.oldest, CAST(horizon.below AS text),
                       holder.pid, holder.datname, holder.application_name, holder.since
                  FROM horizon
                  LEFT JOIN LATERAL (SELECT CAST(tx_id AS text) AS tx_text, global_index FROM %1$s
                                      WHERE tx_id < horizon.below
                                      ORDER BY tx_id DESC, global_index DESC LIMIT 1) AS head ON true
                 CROSS JOIN LATERAL (SELECT count(*) AS events, min(time_stamp) AS oldest FROM %1$s
                                      WHERE tx_id >= horizon.below) AS held
                  LEFT JOIN LATERAL (SELECT pid, datname, application_name, xact_start AS since
                                       FROM pg_stat_activity WHERE backend_xid = xid(horizon.below)
                                     UNION ALL
                                     SELECT 0, database, 'prepared transaction ' || gid, prepared
                                       FROM pg_prepared_xacts WHERE transaction = xid(horizon.below)
                                     LIMIT 1) AS holder ON true"""
                .formatted(tables.events(), ReadingHorizon.of(tables));
    }

    public EventStoreLag(DataSource dataSource) {
        this(dataSource, EventTables.DEFAULT, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    /** The latest measurement, taken anew when the cached one is older than the cache period. */
    public synchronized LagReport current() {
        Instant now = clock.instant();
        if (cached == null || !cached.measuredAt().plus(cacheFor).isAfter(now)) {
            cached = measure();
        }
        return cached;
    }

    public LagReport measure() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(measurement);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return report(now, row);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not measure the event store's lag", e);
        }
    }

    private static LagReport report(Instant now, ResultSet row) throws SQLException {
        String headTransaction = row.getString(1);
        CommitOrderToken head = headTransaction == null
                ? CommitOrderToken.BEFORE_ALL
                : new CommitOrderToken(Long.parseLong(headTransaction), row.getLong(2));
        long heldBack = row.getLong(3);
        OffsetDateTime oldestHeldBack = row.getObject(4, OffsetDateTime.class);
        Duration heldBackFor = oldestHeldBack == null ? Duration.ZERO : ageAt(now, oldestHeldBack);
        Optional<HoldingTransaction> holder = heldBack == 0
                ? Optional.empty()
                : Optional.of(new HoldingTransaction(Long.parseLong(row.getString(5)), session(now, row)));
        return new LagReport(now, head, heldBack, heldBackFor, holder);
    }

    private static Optional<Session> session(Instant now, ResultSet row) throws SQLException {
        if (row.getObject(6) == null) {
            return Optional.empty();
        }
        // Another role's sessions hide their start unless this role has pg_read_all_stats.
        Optional<Duration> openFor = Optional.ofNullable(row.getObject(9, OffsetDateTime.class))
                                             .map(started -> ageAt(now, started));
        return Optional.of(new Session(row.getInt(6), row.getString(7), row.getString(8), openFor));
    }

    private static Duration ageAt(Instant now, OffsetDateTime then) {
        Duration age = Duration.between(then.toInstant(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
