package org.jianhu.verifier.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of the event store as it is stored: every column but the writing transaction's id (which orders the
 * rows but does not survive a dump and restore). Payload and metadata are the stored bytes, never re-serialised.
 *
 * @param aggregateType   may be null (the column is nullable)
 * @param payloadRevision may be null
 * @param metaData        may be null
 */
public record StoredEvent(long globalPosition, String eventId, String aggregateId, long sequenceNumber,
                          String aggregateType, String payloadType, String payloadRevision, Instant timestamp,
                          byte[] payload, byte[] metaData) {

    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEvent that && globalPosition == that.globalPosition
                && sequenceNumber == that.sequenceNumber && eventId.equals(that.eventId)
                && aggregateId.equals(that.aggregateId) && Objects.equals(aggregateType, that.aggregateType)
                && payloadType.equals(that.payloadType) && Objects.equals(payloadRevision, that.payloadRevision)
                && timestamp.equals(that.timestamp) && Arrays.equals(payload, that.payload)
                && Arrays.equals(metaData, that.metaData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(globalPosition, eventId, sequenceNumber);
    }

    @Override
    public String toString() {
        return "event " + eventId + " at position " + globalPosition;
    }
}
