package org.jianhu.eventstore;

import org.jianhu.eventstore.horizon.ReadingHorizon;

/**
 * The SQL the engine runs. Every tracking read is bounded by the same {@link ReadingHorizon}: rows
 * below it can no longer change, rows at or above it may still be joined by rows that commit later
 * with a lower position.
 */
final class EventStatements {

    private static final String EVENT_COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";
    // JDBC has no xid8 type, so ids travel as text. The text must not be named tx_id: ORDER BY tx_id
    // would then sort by the output column, as strings, and "10000" sorts before "9999".
    private static final String TRACKED_COLUMNS = "CAST(tx_id AS text) AS tx_text, global_index, " + EVENT_COLUMNS;

    final String appendEvent;
    final String appendSnapshot;
    final String deleteOlderSnapshots;
    final String readSnapshot;
    final String readAggregate;
    final String lastSequenceNumber;
    final String readTracked;
    final String lastReadablePosition;
    final String firstPositionAtOrAfter;

    EventStatements(EventTables tables, PayloadColumnType payload) {
        String horizon = ReadingHorizon.of(tables);
        String values = "?, ?, ?, ?, ?, ?, ?, " + payload.placeholder() + ", " + payload.placeholder();
        appendEvent = "INSERT INTO " + tables.events() + " (" + EVENT_COLUMNS + ") VALUES (" + values + ")";
        appendSnapshot = "INSERT INTO " + tables.snapshots() + " (" + EVENT_COLUMNS + ") VALUES (" + values + ")"
                + " ON CONFLICT DO NOTHING";
        deleteOlderSnapshots = "DELETE FROM " + tables.snapshots()
                + " WHERE aggregate_identifier = ? AND sequence_number < ?";
        readSnapshot = "SELECT " + EVENT_COLUMNS + " FROM " + tables.snapshots()
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1";
        readAggregate = "SELECT " + EVENT_COLUMNS + " FROM " + tables.events()
                + " WHERE aggregate_identifier = ? AND sequence_number >= ? ORDER BY sequence_number ASC LIMIT ?";
        lastSequenceNumber = "SELECT max(sequence_number) FROM " + tables.events() + " WHERE aggregate_identifier = ?";
        // Parameters: the position (twice: for the horizon, then for the rows), batch size less one, batch size.
        readTracked = "SELECT " + TRACKED_COLUMNS + " FROM " + tables.events()
                + " WHERE tx_id < " + ReadingHorizon.forBatchAfter(tables)
                + " AND (tx_id, global_index) > (CAST(? AS xid8), ?)"
                + " ORDER BY tx_id, global_index LIMIT ?";
        lastReadablePosition = "SELECT CAST(tx_id AS text) AS tx_text, global_index FROM " + tables.events()
                + " WHERE tx_id < " + horizon + " ORDER BY tx_id DESC, global_index DESC LIMIT 1";
        firstPositionAtOrAfter = "SELECT CAST(tx_id AS text) AS tx_text, global_index FROM " + tables.events()
                + " WHERE tx_id < " + horizon + " AND time_stamp >= ? ORDER BY tx_id, global_index LIMIT 1";
    }
}
