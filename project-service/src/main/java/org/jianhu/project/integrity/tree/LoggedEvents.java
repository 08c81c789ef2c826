package org.jianhu.project.integrity.tree;

import org.jianhu.eventstore.EventTables;
import org.jianhu.eventstore.horizon.ReadingHorizon;
import org.jianhu.verifier.event.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The event store's rows as the tree sees them: every column the leaf encoding covers, the bytes as stored. Read
 * in the store's reading order and only below the event store's {@link ReadingHorizon}, as every tracking reader
 * is: behind the oldest transaction that can still append here (one of this database), never behind another
 * database's, and never past an event that can still commit below one already taken.
 */
public class LoggedEvents {

    /** A row and the transaction that wrote it, its place in the reading order. */
    record Logged(String txId, StoredEvent event) {
    }

    // Not named tx_id: ORDER BY tx_id would then sort by this text column, and "10000" comes before "9999".
    private static final String COLUMNS = "SELECT CAST(tx_id AS text) AS tx_text, global_index, event_identifier, "
            + "aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, payload, "
            + "meta_data FROM domain_event_entry ";

    // Parameters: the position (for the horizon, then for the rows), the batch size less one, the batch size.
    private static final String AFTER = COLUMNS + "WHERE tx_id < " + ReadingHorizon.forBatchAfter(EventTables.DEFAULT)
            + " AND (tx_id, global_index) > (CAST(? AS xid8), ?) ORDER BY tx_id, global_index LIMIT ?";

    private final JdbcTemplate jdbc;

    public LoggedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Logged> after(TreePosition position, int limit) {
        return jdbc.query(AFTER, LoggedEvents::logged, position.lastTxId(), position.lastGlobalIndex(), limit - 1,
                position.lastTxId(), position.lastGlobalIndex(), limit);
    }

    public Optional<StoredEvent> at(long globalPosition) {
        return jdbc.query(COLUMNS + "WHERE global_index = ?", LoggedEvents::logged, globalPosition).stream()
                .map(Logged::event).findFirst();
    }

    private static Logged logged(ResultSet row, int rowNumber) throws SQLException {
        return new Logged(row.getString(1), new StoredEvent(row.getLong(2), row.getString(3), row.getString(4),
                row.getLong(5), row.getString(6), row.getString(7), row.getString(8),
                row.getObject(9, OffsetDateTime.class).toInstant(), row.getBytes(10), row.getBytes(11)));
    }
}
