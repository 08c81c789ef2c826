package org.jianhu.project.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.project.EventRevisions;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.eventstore.EventTables;
import org.jianhu.eventstore.horizon.ReadingHorizon;
import org.jianhu.project.eventstore.StoredJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the event store as auditors and other services see it: each row as an {@link EventEnvelope}
 * with the payload as stored, never re-serialized.
 */
@Component
public class StoredEvents {

    private static final String COLUMNS = "SELECT global_index, event_identifier, aggregate_identifier, "
            + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry ";
    /** Also the stored columns the envelope leaves out, and the event's leaf in the record's tree (integrity). */
    private static final String EXPORTED_COLUMNS = "SELECT e.global_index, e.event_identifier, e.aggregate_identifier, "
            + "e.sequence_number, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.type, "
            + "leaf.leaf_index, leaf.hash AS leaf_hash FROM domain_event_entry e LEFT JOIN LATERAL (SELECT leaf_index, "
            + "hash FROM integrity_leaf WHERE global_position = e.global_index ORDER BY leaf_index DESC LIMIT 1) leaf "
            + "ON true ";
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };
    private static final int STREAM_FETCH_SIZE = 2_000;
    /** Only transactions of this database that can still append hold an export back (event-store README). */
    private static final String HORIZON = ReadingHorizon.of(EventTables.DEFAULT);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnlyTransaction;
    private final ObjectMapper objectMapper;
    private final RowMapper<EventEnvelope> envelopes = this::envelope;

    public StoredEvents(JdbcTemplate jdbc, TransactionTemplate transactionTemplate, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.readOnlyTransaction = new TransactionTemplate(transactionTemplate.getTransactionManager());
        this.readOnlyTransaction.setReadOnly(true);
        this.objectMapper = StoredJson.mapper(objectMapper);
    }

    public List<EventEnvelope> ofProject(String projectId) {
        return jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? ORDER BY sequence_number", envelopes, projectId);
    }

    /**
     * Streams the global log after the event at {@code globalPosition} (0: from the start) row by
     * row through a database cursor, so that an export of millions of events holds one in memory.
     * The order is the event store's reading order, (transaction, global position), and only rows
     * older than every open transaction that can still append are served: a client that pages on with
     * the last position it saw can never miss an event that commits late. With a filter, only the
     * project's or the type's events are served, in the same order, and paging on works the same way.
     *
     * @see #hasPosition(long)
     */
    public void streamAfter(long globalPosition, long limit, LogFilter filter, Consumer<ExportedEvent> sink) {
        readOnlyTransaction.executeWithoutResult(status -> {
            String readingPosition = globalPosition > 0
                    ? "(SELECT tx_id, global_index FROM domain_event_entry WHERE global_index = ?)"
                    : "(CAST('0' AS xid8), 0)";
            JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
            cursor.setFetchSize(STREAM_FETCH_SIZE);
            cursor.setMaxRows((int) Math.min(limit, Integer.MAX_VALUE));
            List<Object> arguments = new ArrayList<>();
            if (globalPosition > 0) {
                arguments.add(globalPosition);
            }
            StringBuilder sql = new StringBuilder(EXPORTED_COLUMNS).append("WHERE (e.tx_id, e.global_index) > ")
                    .append(readingPosition).append(" AND e.tx_id < ").append(HORIZON);
            filter.projectId().ifPresent(projectId -> {
                sql.append(" AND e.aggregate_identifier = ?");
                arguments.add(projectId);
            });
            filter.type().ifPresent(type -> {
                sql.append(" AND e.payload_type = ?");
                arguments.add(type.getName());
            });
            sql.append(" ORDER BY e.tx_id, e.global_index");
            cursor.query(sql.toString(), (RowCallbackHandler) row -> sink.accept(exported(row)), arguments.toArray());
        });
    }

    /** The event an envelope carries, as the project folds it: a payload of an older revision lifted first. */
    public ProjectEvent eventOf(EventEnvelope envelope) {
        try {
            return objectMapper.treeToValue(EventRevisions.lift(envelope.type(), envelope.revision(),
                    envelope.payload(), envelope.recordedAt()), ProjectEventTypes.classOf(envelope.type()));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored event " + envelope.eventId() + " does not read as "
                    + envelope.type(), unreadable);
        }
    }

    public boolean hasPosition(long globalPosition) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = ?)", Boolean.class, globalPosition));
    }

    private static ExportedEvent exported(ResultSet row) throws SQLException {
        long leafIndex = row.getLong("leaf_index");
        ExportedEvent.Leaf leaf = row.wasNull() ? null : new ExportedEvent.Leaf(leafIndex, row.getBytes("leaf_hash"));
        return new ExportedEvent(row.getString("event_identifier"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getLong("global_index"),
                ProjectEventTypes.nameOf(row.getString("payload_type")), row.getString("payload_revision"),
                row.getObject("time_stamp", OffsetDateTime.class).toInstant(), row.getBytes("meta_data"),
                row.getBytes("payload"), row.getString("type"), row.getString("payload_type"), leaf);
    }

    private EventEnvelope envelope(ResultSet row, int rowNumber) throws SQLException {
        try {
            byte[] metadata = row.getBytes("meta_data");
            return new EventEnvelope(
                    row.getString("event_identifier"),
                    row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"),
                    row.getLong("global_index"),
                    ProjectEventTypes.nameOf(row.getString("payload_type")),
                    row.getString("payload_revision"),
                    row.getObject("time_stamp", OffsetDateTime.class).toInstant(),
                    metadata == null ? Map.of() : objectMapper.readValue(metadata, METADATA),
                    objectMapper.readTree(row.getBytes("payload")));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("event " + row.getString("event_identifier") + " is not readable JSON",
                    unreadable);
        }
    }
}
