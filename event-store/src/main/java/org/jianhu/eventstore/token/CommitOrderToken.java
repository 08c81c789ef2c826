package org.jianhu.eventstore.token;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.eventhandling.TrackingToken;

import java.io.Serializable;
import java.util.Comparator;
import java.util.OptionalLong;

/**
 * A reader's position: the last event it has seen, named by the transaction that wrote it and its
 * global index. Positions are totally ordered by {@code (txId, globalIndex)}, the order in which the
 * engine hands out events, so one token either covers another or is covered by it: there are no gaps
 * to remember.
 */
public record CommitOrderToken(long txId, long globalIndex)
        implements TrackingToken, Comparable<CommitOrderToken>, Serializable {

    /** Before every event: PostgreSQL hands out transaction ids from 3 and identities from 1. */
    public static final CommitOrderToken BEFORE_ALL = new CommitOrderToken(0, 0);

    private static final Comparator<CommitOrderToken> READING_ORDER =
            Comparator.comparingLong(CommitOrderToken::txId).thenComparingLong(CommitOrderToken::globalIndex);

    @JsonCreator
    public CommitOrderToken(@JsonProperty("txId") long txId, @JsonProperty("globalIndex") long globalIndex) {
        this.txId = txId;
        this.globalIndex = globalIndex;
    }

    /** The position just before the event at {@code (txId, globalIndex)}, so that event is read next. */
    public static CommitOrderToken justBefore(long txId, long globalIndex) {
        return new CommitOrderToken(txId, globalIndex - 1);
    }

    @Override
    public CommitOrderToken lowerBound(TrackingToken other) {
        CommitOrderToken that = sameKind(other);
        return compareTo(that) <= 0 ? this : that;
    }

    @Override
    public CommitOrderToken upperBound(TrackingToken other) {
        CommitOrderToken that = sameKind(other);
        return compareTo(that) >= 0 ? this : that;
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(sameKind(other)) >= 0;
    }

    /**
     * An estimate, as Axon asks of {@link TrackingToken#position()}: the global index roughly counts
     * the events before this one, which is what processor status and replay progress show. It is not
     * the reading order: an event of an earlier transaction can carry a higher index.
     */
    @Override
    public OptionalLong position() {
        return OptionalLong.of(globalIndex);
    }

    @Override
    public int compareTo(CommitOrderToken other) {
        return READING_ORDER.compare(this, other);
    }

    private static CommitOrderToken sameKind(TrackingToken other) {
        if (other instanceof CommitOrderToken token) {
            return token;
        }
        throw new IllegalArgumentException("Incompatible token type provided: "
                + (other == null ? "null" : other.getClass().getSimpleName()));
    }
}
