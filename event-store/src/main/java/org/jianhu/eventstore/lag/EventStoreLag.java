package org.jianhu.eventstore.lag;

import org.jianhu.eventstore.EventTables;
import org.jianhu.eventstore.token.CommitOrderToken;
import org.jianhu.eventstore.lag.LagReport.OpenTransaction;

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
 * Measures how far the commit-ordered store holds its readers back. A long-open transaction anywhere
 * in the PostgreSQL cluster stops every reader at its position; this makes that visible before it
 * looks like a stuck processor. Measurements are cached briefly so scrapes and health probes do not
 * add up to load on the database.
 */
public class EventStoreLag {

    private static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration cacheFor;
    private final String readableHead;
    private final String heldBack;
    private final String oldestOpenTransaction = "SELECT pid, datname, application_name, xact_start "
            + "FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() "
            + "ORDER BY age(backend_xid) DESC LIMIT 1";

    private LagReport cached;

    public EventStoreLag(DataSource dataSource, EventTables tables, Clock clock, Duration cacheFor) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.readableHead = "SELECT CAST(tx_id AS text) AS tx_text, global_index FROM " + tables.events()
                + " WHERE tx_id < " + HORIZON + " ORDER BY tx_id DESC, global_index DESC LIMIT 1";
        this.heldBack = "SELECT count(*), min(time_stamp) FROM " + tables.events() + " WHERE tx_id >= " + HORIZON;
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
        try (Connection connection = dataSource.getConnection()) {
            CommitOrderToken head = query(connection, readableHead, row -> row.next()
                    ? new CommitOrderToken(Long.parseLong(row.getString(1)), row.getLong(2))
                    : CommitOrderToken.BEFORE_ALL);
            HeldBack held = query(connection, heldBack, row -> {
                row.next();
                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                return new HeldBack(row.getLong(1), oldest == null ? Duration.ZERO : ageAt(now, oldest));
            });
            Optional<OpenTransaction> open = query(connection, oldestOpenTransaction, row -> row.next()
                    ? Optional.of(new OpenTransaction(row.getInt(1), row.getString(2), row.getString(3),
                                                      openFor(now, row.getObject(4, OffsetDateTime.class))))
                    : Optional.empty());
            return new LagReport(now, head, held.events(), held.waitingFor(), open);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not measure the event store's lag", e);
        }
    }

    private static Duration openFor(Instant now, OffsetDateTime started) {
        // Another role's sessions hide their start time unless this role has pg_read_all_stats.
        return started == null ? Duration.ZERO : ageAt(now, started);
    }

    private static Duration ageAt(Instant now, OffsetDateTime then) {
        Duration age = Duration.between(then.toInstant(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    private static <R> R query(Connection connection, String sql, RowReader<R> reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            return reader.read(row);
        }
    }

    private interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    private record HeldBack(long events, Duration waitingFor) {
    }
}
