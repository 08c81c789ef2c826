package org.jianhu.project.integrity.checkpoint;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/** The signed checkpoints (table {@code integrity_checkpoint}), by tree size. */
public class Checkpoints {

    private static final String COLUMNS = "SELECT tree_size, root, note, signed_at FROM integrity_checkpoint ";
    private static final RowMapper<StoredCheckpoint> CHECKPOINTS = (row, n) -> new StoredCheckpoint(row.getLong(1),
            row.getBytes(2), row.getString(3), row.getTimestamp(4).toInstant());

    private final JdbcTemplate jdbc;

    public Checkpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredCheckpoint> latest() {
        return jdbc.query(COLUMNS + "ORDER BY tree_size DESC LIMIT 1", CHECKPOINTS).stream().findFirst();
    }

    /** Those of more than {@code size} leaves, smallest first, at most {@code limit}. */
    public List<StoredCheckpoint> after(long size, int limit) {
        return jdbc.query(COLUMNS + "WHERE tree_size > ? ORDER BY tree_size LIMIT ?", CHECKPOINTS, size, limit);
    }

    public List<StoredCheckpoint> unpublished(int limit) {
        return jdbc.query(COLUMNS + "WHERE NOT published ORDER BY tree_size LIMIT ?", CHECKPOINTS, limit);
    }

    void add(long size, byte[] root, String note) {
        jdbc.update("INSERT INTO integrity_checkpoint (tree_size, root, note, signed_at) "
                + "VALUES (?, ?, ?, clock_timestamp())", size, root, note);
    }

    public void markPublished(List<StoredCheckpoint> published) {
        jdbc.update("UPDATE integrity_checkpoint SET published = true WHERE tree_size = ANY (?)",
                (Object) published.stream().map(StoredCheckpoint::size).toArray(Long[]::new));
    }
}
