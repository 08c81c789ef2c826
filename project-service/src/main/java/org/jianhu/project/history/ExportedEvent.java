package org.jianhu.project.history;

import java.time.Instant;

/**
 * One event of the global log as the export serves it, read from its row without parsing: the envelope's fields,
 * the stored record's columns byte for byte (so that an auditor computes the event's leaf from the export alone)
 * and, once the record's tree has it, its leaf. {@link ExportLines} writes it; the verifier module reads it.
 *
 * @param type      the event's simple name, e.g. {@code TransactionRecorded}
 * @param metaData  the stored metadata JSON, null when the row has none
 * @param payload   the stored payload JSON
 * @param leaf      null until the tree has taken the event in
 */
public record ExportedEvent(String eventId, String projectId, long sequenceNumber, long globalPosition, String type,
                            String revision, Instant recordedAt, byte[] metaData, byte[] payload,
                            String aggregateType, String payloadType, Leaf leaf) {

    /** Where the record's tree placed the event: its leaf index and leaf hash. */
    public record Leaf(long index, byte[] hash) {
    }
}
