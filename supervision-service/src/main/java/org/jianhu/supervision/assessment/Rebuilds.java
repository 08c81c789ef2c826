package org.jianhu.supervision.assessment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The rebuilds asked for and how far each has come (table {@code risk_rebuild}). */
@Repository
public class Rebuilds {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** @param projectsTotal known once the whole log is read */
    public record Progress(UUID id, String requestedBy, String status, long eventsRead, int projectsRebuilt,
                           Integer projectsTotal, String failure, Instant startedAt, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;

    Rebuilds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Progress> find(UUID id) {
        return jdbc.query("SELECT * FROM risk_rebuild WHERE id = ?", (row, index) -> new Progress(
                row.getObject("id", UUID.class), row.getString("requested_by"), row.getString("status"),
                row.getLong("events_read"), row.getInt("projects_rebuilt"),
                row.getObject("projects_total", Integer.class), row.getString("failure"),
                row.getTimestamp("started_at").toInstant(), instant(row.getTimestamp("finished_at"))), id)
                .stream().findFirst();
    }

    void started(UUID id, String requestedBy) {
        jdbc.update("INSERT INTO risk_rebuild (id, requested_by, status) VALUES (?, ?, 'running')", id, requestedBy);
    }

    void eventsRead(UUID id, long events) {
        jdbc.update("UPDATE risk_rebuild SET events_read = ? WHERE id = ?", events, id);
    }

    void projectsRebuilt(UUID id, int rebuilt, int total) {
        jdbc.update("UPDATE risk_rebuild SET projects_rebuilt = ?, projects_total = ? WHERE id = ?", rebuilt, total, id);
    }

    void finished(UUID id, String status, String failure) {
        jdbc.update("UPDATE risk_rebuild SET status = ?, failure = ?, finished_at = now() WHERE id = ?",
                status, failure, id);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
