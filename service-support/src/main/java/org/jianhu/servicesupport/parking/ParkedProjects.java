package org.jianhu.servicesupport.parking;

import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.paging.Position;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The projects this service's consumers have parked ({@code parked_project}), and what was held back for them
 * ({@code held_message}). A project stays parked from the first event that could not be applied, whatever
 * fails after it, until it is released.
 */
public class ParkedProjects {

    private static final int REASON_LENGTH = 500;
    private static final RowMapper<ParkedProject> ROW = (row, n) -> new ParkedProject(row.getString("consumer"),
            row.getString("project_id"), row.getLong("position"), row.getString("event_id"), row.getString("reason"),
            row.getTimestamp("parked_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ParkedProjects(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return false when the project was parked already (the first reason and position stay) */
    public boolean park(String consumer, String projectId, long position, String eventId, String reason) {
        return jdbc.update("INSERT INTO parked_project (consumer, project_id, position, event_id, reason, parked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (consumer, project_id) DO NOTHING",
                consumer, storable(projectId, 200), position, eventId == null ? null : storable(eventId, 200),
                storable(reason, REASON_LENGTH), Timestamp.from(clock.instant())) == 1;
    }

    public boolean isParked(String consumer, String projectId) {
        return find(consumer, projectId).isPresent();
    }

    public Optional<ParkedProject> find(String consumer, String projectId) {
        return jdbc.query("SELECT * FROM parked_project WHERE consumer = ? AND project_id = ?", ROW, consumer,
                storable(projectId, 200)).stream().findFirst();
    }

    /** The first {@code limit} parked projects of every consumer, the longest parked first. */
    public List<ParkedProject> first(int limit) {
        return jdbc.query("SELECT * FROM parked_project ORDER BY parked_at, consumer, project_id LIMIT ?", ROW, limit);
    }

    /**
     * A page of the projects {@code consumer} parked, the longest parked first (a bad release can park every
     * project at once, so the list is paged like any other).
     */
    public Page<ParkedProject> page(String consumer, PageRequest page) {
        Optional<Position> after = page.after().map(position -> position.expecting(2));
        List<ParkedProject> fetched = after.isEmpty()
                ? jdbc.query("SELECT * FROM parked_project WHERE consumer = ? ORDER BY parked_at, project_id LIMIT ?",
                ROW, consumer, page.fetch())
                : jdbc.query("SELECT * FROM parked_project WHERE consumer = ? AND (parked_at, project_id) > (?, ?) "
                        + "ORDER BY parked_at, project_id LIMIT ?", ROW, consumer,
                Timestamp.from(after.get().instant(0)), after.get().text(1), page.fetch());
        return Page.of(fetched, page, parked -> List.of(parked.parkedAt(), parked.projectId()));
    }

    public int count() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM parked_project", Integer.class);
        return count == null ? 0 : count;
    }

    /** Unparks the project; what was held for it is the caller's to apply ({@link #held}) in the same transaction. */
    public boolean release(String consumer, String projectId) {
        return jdbc.update("DELETE FROM parked_project WHERE consumer = ? AND project_id = ?", consumer,
                storable(projectId, 200)) == 1;
    }

    /** Keeps a message that arrived for a parked project, to be applied when it is retried. */
    public void hold(String consumer, String projectId, byte[] body) {
        jdbc.update("INSERT INTO held_message (consumer, project_id, body, held_at) VALUES (?, ?, ?, ?)",
                consumer, storable(projectId, 200), body, Timestamp.from(clock.instant()));
    }

    /** What was held for the project, in the order it arrived, and forgotten: take it in the retrying transaction. */
    public List<byte[]> takeHeld(String consumer, String projectId) {
        return jdbc.query("DELETE FROM held_message WHERE consumer = ? AND project_id = ? RETURNING seq, body",
                        (row, n) -> new Object[]{row.getLong("seq"), row.getBytes("body")}, consumer,
                        storable(projectId, 200)).stream()
                .sorted((a, b) -> Long.compare((Long) a[0], (Long) b[0]))
                .map(pair -> (byte[]) pair[1])
                .toList();
    }

    /**
     * Text PostgreSQL can store and a reader can take in: the reason often quotes the very input that could not
     * be applied (a NUL character, a megabyte of text), which must not fail the parking too.
     */
    static String storable(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && kept.length() < maxLength; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                kept.append('\uFFFD');
            } else {
                kept.append(c);
            }
        }
        if (text.length() > maxLength) {
            kept.append('…');
        }
        return kept.toString();
    }
}
