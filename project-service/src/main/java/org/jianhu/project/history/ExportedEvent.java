package org.jianhu.project.history;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jianhu.contracts.envelope.EventEnvelope;

/**
 * One line of the global log's export: the envelope every consumer reads, the stored record it was read from
 * byte for byte (so that an auditor computes the event's leaf from the export alone; the envelope re-serialises
 * payload and metadata) and, once the record's tree has it, its leaf. The verifier module reads exactly this.
 *
 * @param leaf null until the tree has taken the event in
 */
public record ExportedEvent(@JsonUnwrapped EventEnvelope envelope, Stored stored, Leaf leaf) {

    /** What the envelope leaves out or re-serialises; bytes are base64. Null columns are left out. */
    public record Stored(String aggregateType, String payloadType, byte[] payload, byte[] metaData) {
    }

    /** Where the record's tree placed the event: its leaf index and leaf hash (base64). */
    public record Leaf(long index, byte[] hash) {
    }
}
