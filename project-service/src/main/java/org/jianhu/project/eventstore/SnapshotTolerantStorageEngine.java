package org.jianhu.project.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.jianhu.eventstore.CommitOrderedEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The commit-ordered engine, but a snapshot that cannot be read is passed over and the aggregate rebuilt from its
 * events: a snapshot is only a shortcut, the events are the truth.
 *
 * <p>Axon's event store already passes over a snapshot whose row cannot be read ({@code AbstractEventStore
 * .readEvents} catches what {@code readSnapshot} throws), but the snapshot's payload is deserialized lazily, when
 * the repository makes the aggregate from it — outside that guard, so an unreadable snapshot (garbage, an old
 * shape, a value beyond the parser's limits) failed every command on the project. Here the payload is read at
 * once, where a failure can still be answered with "no snapshot".
 */
public class SnapshotTolerantStorageEngine extends CommitOrderedEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(SnapshotTolerantStorageEngine.class);

    protected SnapshotTolerantStorageEngine(CommitOrderedEventStorageEngine.Builder builder) {
        super(builder);
    }

    public static CommitOrderedEventStorageEngine.Builder tolerantBuilder() {
        return new Builder();
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
        try {
            snapshot.ifPresent(DomainEventMessage::getPayload);
            return snapshot;
        } catch (RuntimeException | LinkageError unreadable) {
            log.warn("The snapshot of {} at sequence {} cannot be read; rebuilding it from its events",
                    aggregateIdentifier, snapshot.get().getSequenceNumber(), unreadable);
            return Optional.empty();
        }
    }

    private static final class Builder extends CommitOrderedEventStorageEngine.Builder {

        @Override
        public SnapshotTolerantStorageEngine build() {
            return new SnapshotTolerantStorageEngine(this);
        }
    }
}
