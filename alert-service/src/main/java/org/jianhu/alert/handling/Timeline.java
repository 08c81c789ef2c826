package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Alert;
import org.jianhu.alert.lifecycle.Change;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every step of every alert, alert_event, in the order the steps committed. */
@Repository
public class Timeline {

    /**
     * Taken before a timeline row is inserted, held to commit: positions then commit in order, so a
     * reader that has seen position n can never later find a smaller one (the live stream relies on it).
     */
    private static final long TIMELINE_LOCK = 0x4a69616e4875L;

    private static final String EVENT_COLUMNS = "position, alert_id, step, actor, role, organisation, occurred_at, "
            + "comment, level, status";

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Only inside the transaction that stores the step: outside one the lock would be released before the row
     * commits, and positions could commit out of order.
     *
     * @return the step's position
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(Change change, Instant at) {
        Alert alert = change.after();
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(TIMELINE_LOCK).query((rs, row) -> 1).list();
        return jdbc.sql("INSERT INTO alert_event (alert_id, step, actor, role, organisation, occurred_at, "
                        + "comment, level, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING position")
                .params(alert.id(), change.step().wireName(), change.actor().user(), change.actor().role().wireName(),
                        change.actor().organisation(), Timestamp.from(at), change.comment(), alert.level().name(),
                        alert.status().wireName())
                .query(Long.class).single();
    }

    public List<TimelineEntry> of(UUID alertId) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM alert_event WHERE alert_id = ? ORDER BY position")
                .param(alertId).query(Timeline::entry).list();
    }

    public List<TimelineEntry> after(long position, int limit) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM alert_event WHERE position > ? ORDER BY position LIMIT ?")
                .params(position, limit).query(Timeline::entry).list();
    }

    public long lastPosition() {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM alert_event").query(Long.class).single();
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(rs.getLong("position"), rs.getObject("alert_id", UUID.class), rs.getString("step"),
                rs.getString("actor"), rs.getString("role"), rs.getString("organisation"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("comment"), rs.getString("level"),
                rs.getString("status"));
    }
}
