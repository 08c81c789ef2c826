package org.jianhu.project.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };
    private static final int STREAM_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnlyTransaction;
    private final ObjectMapper objectMapper;
    private final RowMapper<EventEnvelope> envelopes = this::envelope;

    public StoredEvents(JdbcTemplate jdbc, TransactionTemplate transactionTemplate, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.readOnlyTransaction = new TransactionTemplate(transactionTemplate.getTransactionManager());
        this.readOnlyTransaction.setReadOnly(true);
        this.objectMapper = objectMapper;
    }

    public List<EventEnvelope> ofProject(String projectId) {
        return jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? ORDER BY sequence_number", envelopes, projectId);
    }

    /**
     * Streams the global log after a position, in order, row by row through a database cursor, so
     * that an export of millions of events holds only one in memory.
     */
    public void streamAfter(long position, long limit, Consumer<EventEnvelope> sink) {
        readOnlyTransaction.executeWithoutResult(status -> {
            JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
            cursor.setFetchSize(STREAM_FETCH_SIZE);
            cursor.setMaxRows((int) Math.min(limit, Integer.MAX_VALUE));
            cursor.query(COLUMNS + "WHERE global_index > ? ORDER BY global_index",
                    row -> {
                        sink.accept(envelope(row, 0));
                    }, position);
        });
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
                    Instant.parse(row.getString("time_stamp")),
                    metadata == null ? Map.of() : objectMapper.readValue(metadata, METADATA),
                    objectMapper.readTree(row.getBytes("payload")));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("event " + row.getString("event_identifier") + " is not readable JSON",
                    unreadable);
        }
    }
}
