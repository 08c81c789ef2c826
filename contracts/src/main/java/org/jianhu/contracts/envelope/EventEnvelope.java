package org.jianhu.contracts.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * How a project event travels: on the RabbitMQ exchange, in the NDJSON global log and in a
 * project's history. Consumers de-duplicate on {@code eventId}, order and detect gaps per project
 * with {@code sequenceNumber} (0, 1, 2, … without holes) and place an event in the global log with
 * {@code globalPosition}.
 *
 * @param type      the event's simple name, e.g. {@code TransactionRecorded}
 * @param revision  the payload's schema revision (see {@code @Revision} on the event record)
 * @param metadata  acting user, role, organisation and correlation id of the write
 */
public record EventEnvelope(String eventId, String projectId, long sequenceNumber, long globalPosition,
                            String type, String revision, Instant recordedAt, Map<String, Object> metadata,
                            JsonNode payload) {

    /** Version of this envelope's own shape, sent as an AMQP header. */
    public static final String ENVELOPE_VERSION = "1";
}
