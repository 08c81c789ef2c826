package org.jianhu.eventstore;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.jianhu.eventstore.token.CommitOrderToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.jdbc.JdbcUtils.executeBatch;
import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;
import static org.axonframework.common.jdbc.JdbcUtils.executeUpdates;
import static org.axonframework.common.jdbc.JdbcUtils.listResults;

/**
 * An Axon event storage engine for PostgreSQL that hands tracking readers every committed event,
 * exactly once, without gap bookkeeping.
 *
 * <p>Axon's JDBC engine reads by global index. PostgreSQL hands out those numbers at insert time but
 * transactions commit in any order, so a reader sees holes; it waits for a hole only up to a timeout
 * and then skips it for good. Here each row also records its transaction id, and readers follow
 * {@code (tx_id, global_index)} but only below the oldest transaction still running that can append
 * to the event table ({@link org.jianhu.eventstore.horizon.ReadingHorizon}). Nothing can commit
 * behind a reader's position, so there is nothing to wait for and nothing to skip.
 *
 * <p>The price: while a transaction of this database with an id holds the horizon, readers stop
 * there, however many later transactions have committed. See {@link org.jianhu.eventstore.lag.EventStoreLag}.
 */
public class CommitOrderedEventStorageEngine extends BatchingEventStorageEngine {

    private final ConnectionProvider connectionProvider;
    private final TransactionManager transactionManager;
    private final EventStatements sql;
    private final EventRows rows;

    protected CommitOrderedEventStorageEngine(Builder builder) {
        super(builder);
        this.connectionProvider = builder.connectionProvider;
        this.transactionManager = builder.transactionManager;
        this.sql = new EventStatements(builder.tables, builder.payloadColumnType);
        this.rows = new EventRows(builder.payloadColumnType);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> executeBatch(
                connection(),
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(sql.appendEvent);
                    for (EventMessage<?> event : events) {
                        rows.bind(insert, event, serializer);
                        insert.addBatch();
                    }
                    return insert;
                },
                failure -> handlePersistenceException(failure, events.get(0))));
    }

    /**
     * A snapshot already stored at the same sequence is kept, as Axon's engines do; {@code ON CONFLICT}
     * keeps that from aborting the surrounding PostgreSQL transaction.
     */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        transactionManager.executeInTransaction(() -> executeUpdates(
                connection(),
                failure -> handlePersistenceException(failure, snapshot),
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(sql.appendSnapshot);
                    rows.bind(insert, snapshot, serializer);
                    return insert;
                },
                connection -> {
                    PreparedStatement delete = connection.prepareStatement(sql.deleteOlderSnapshots);
                    delete.setString(1, snapshot.getAggregateIdentifier());
                    delete.setLong(2, snapshot.getSequenceNumber());
                    return delete;
                }));
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        CommitOrderToken after = lastToken == null ? CommitOrderToken.BEFORE_ALL : ours(lastToken);
        return read("Failed to read events after " + after,
                    connection -> {
                        PreparedStatement select = connection.prepareStatement(sql.readTracked);
                        String afterTransaction = Long.toString(after.txId());
                        select.setString(1, afterTransaction);
                        select.setLong(2, after.globalIndex());
                        select.setInt(3, batchSize - 1);
                        select.setString(4, afterTransaction);
                        select.setLong(5, after.globalIndex());
                        select.setInt(6, batchSize);
                        return select;
                    },
                    listResults(rows::trackedEvent));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber,
                                                                   int batchSize) {
        return read("Failed to read events for aggregate " + aggregateIdentifier,
                    connection -> {
                        PreparedStatement select = connection.prepareStatement(sql.readAggregate);
                        select.setString(1, aggregateIdentifier);
                        select.setLong(2, firstSequenceNumber);
                        select.setInt(3, batchSize);
                        return select;
                    },
                    listResults(rows::domainEvent));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        List<DomainEventData<?>> snapshots = read(
                "Failed to read the snapshot of aggregate " + aggregateIdentifier,
                connection -> {
                    PreparedStatement select = connection.prepareStatement(sql.readSnapshot);
                    select.setString(1, aggregateIdentifier);
                    return select;
                },
                listResults(rows::domainEvent));
        return snapshots.stream();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Long last = read("Failed to read the last sequence number of aggregate " + aggregateIdentifier,
                         connection -> {
                             PreparedStatement select = connection.prepareStatement(sql.lastSequenceNumber);
                             select.setString(1, aggregateIdentifier);
                             return select;
                         },
                         result -> JdbcUtils.nextAndExtract(result, 1, Long.class));
        return Optional.ofNullable(last);
    }

    /** Before every event, so a processor starting here reads the whole store. */
    @Override
    public TrackingToken createTailToken() {
        return CommitOrderToken.BEFORE_ALL;
    }

    /**
     * The last event no running transaction can precede. A processor starting here still receives
     * every event of transactions that are open now, however early their global index.
     */
    @Override
    public TrackingToken createHeadToken() {
        return read("Failed to read the head of the event store",
                    connection -> connection.prepareStatement(sql.lastReadablePosition),
                    result -> result.next() ? EventRows.position(result) : CommitOrderToken.BEFORE_ALL);
    }

    /**
     * Just before the first event, in reading order, stamped at or after {@code dateTime}. Later events
     * stamped earlier are delivered too (the stock engine does the same by global index); events of
     * transactions still open are never left out.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Optional<CommitOrderToken> first = read(
                "Failed to find the position at " + dateTime,
                connection -> {
                    PreparedStatement select = connection.prepareStatement(sql.firstPositionAtOrAfter);
                    select.setObject(1, OffsetDateTime.ofInstant(dateTime, ZoneOffset.UTC));
                    return select;
                },
                result -> result.next() ? Optional.of(EventRows.position(result)) : Optional.empty());
        return first.map(position -> CommitOrderToken.justBefore(position.txId(), position.globalIndex()))
                    .orElseGet(() -> (CommitOrderToken) createHeadToken());
    }

    private <R> R read(String failure, JdbcUtils.SqlFunction statement, JdbcUtils.SqlResultConverter<R> result) {
        return transactionManager.fetchInTransaction(
                () -> executeQuery(connection(), statement, result, e -> new EventStoreException(failure, e)));
    }

    private Connection connection() {
        try {
            return connectionProvider.getConnection();
        } catch (SQLException e) {
            throw new EventStoreException("Failed to obtain a database connection", e);
        }
    }

    private static CommitOrderToken ours(TrackingToken token) {
        if (token instanceof CommitOrderToken commitOrderToken) {
            return commitOrderToken;
        }
        throw new IllegalArgumentException("Token " + token + " is of the wrong type; expected "
                + CommitOrderToken.class.getSimpleName());
    }

    /**
     * Needs a {@link ConnectionProvider}, a {@link TransactionManager} and both serializers. To join
     * Spring-managed transactions pass Axon's
     * {@code UnitOfWorkAwareConnectionProviderWrapper(SpringDataSourceConnectionProvider(dataSource))}
     * and a {@code SpringTransactionManager}: Axon's Spring Boot starter declares both as beans.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private ConnectionProvider connectionProvider;
        private TransactionManager transactionManager;
        private EventTables tables = EventTables.DEFAULT;
        private PayloadColumnType payloadColumnType = PayloadColumnType.BYTEA;
        private boolean eventSerializerSet;
        private boolean snapshotSerializerSet;

        protected Builder() {
            persistenceExceptionResolver(new PostgresDuplicateKeyResolver());
        }

        public Builder connectionProvider(ConnectionProvider connectionProvider) {
            assertNonNull(connectionProvider, "The ConnectionProvider may not be null");
            this.connectionProvider = connectionProvider;
            return this;
        }

        public Builder transactionManager(TransactionManager transactionManager) {
            assertNonNull(transactionManager, "The TransactionManager may not be null");
            this.transactionManager = transactionManager;
            return this;
        }

        public Builder tables(EventTables tables) {
            assertNonNull(tables, "The EventTables may not be null");
            this.tables = tables;
            return this;
        }

        public Builder payloadColumnType(PayloadColumnType payloadColumnType) {
            assertNonNull(payloadColumnType, "The PayloadColumnType may not be null");
            this.payloadColumnType = payloadColumnType;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            eventSerializerSet = true;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            snapshotSerializerSet = true;
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public CommitOrderedEventStorageEngine build() {
            return new CommitOrderedEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            assertNonNull(connectionProvider, "The ConnectionProvider is a hard requirement and should be provided");
            assertNonNull(transactionManager, "The TransactionManager is a hard requirement and should be provided");
            // Axon would fall back to XStream, which this project does not ship.
            if (!eventSerializerSet || !snapshotSerializerSet) {
                throw new AxonConfigurationException("Both the event and the snapshot Serializer must be provided");
            }
            super.validate();
        }
    }
}
