package org.jianhu.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jianhu.eventstore.support.Events.AccountSnapshot;
import org.jianhu.eventstore.support.Events.FundsMoved;
import org.jianhu.eventstore.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianhu.eventstore.support.Events.fundsMoved;

class AggregateStorageIT {

    private static TestDatabase database;
    private static CommitOrderedEventStorageEngine engine;

    @BeforeAll
    static void createStore() {
        database = TestDatabase.create("aggregate_storage");
        // A small batch makes a ten-event aggregate span several reads.
        engine = database.commitOrderedEngine().batchSize(3).build();
    }

    @AfterAll
    static void dropStore() {
        database.close();
    }

    @Test
    void aggregateIsLoadedInSequenceOrderAcrossBatches() {
        engine.appendEvents(fundsMoved("acc-load", 0, 4));
        engine.appendEvents(fundsMoved("acc-load", 4, 6));

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("acc-load").asStream().toList();

        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber)
                          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(loaded.get(7).getPayload()).isEqualTo(new FundsMoved("acc-load", 107));
        assertThat(loaded.get(7).getType()).isEqualTo("Account");
        assertThat(engine.lastSequenceNumberFor("acc-load")).contains(9L);
        assertThat(engine.lastSequenceNumberFor("acc-unknown")).isEmpty();
    }

    @Test
    void secondWriterAtTheSameSequenceGetsConcurrencyException() {
        engine.appendEvents(fundsMoved("acc-race", 0, 2));

        assertThatThrownBy(() -> engine.appendEvents(fundsMoved("acc-race", 1, 1)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.lastSequenceNumberFor("acc-race")).contains(1L);
    }

    @Test
    void reusingAnAggregateIdentifierIsRefused() {
        engine.appendEvents(fundsMoved("acc-twice", 0, 1));

        assertThatThrownBy(() -> engine.appendEvents(fundsMoved("acc-twice", 0, 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void latestSnapshotReplacesOlderOnesAndLoadingStartsAfterIt() {
        engine.appendEvents(fundsMoved("acc-snap", 0, 8));
        engine.storeSnapshot(snapshot("acc-snap", 3, 1_000));
        engine.storeSnapshot(snapshot("acc-snap", 5, 2_000));
        engine.storeSnapshot(snapshot("acc-snap", 5, 9_999));

        DomainEventMessage<?> latest = engine.readSnapshot("acc-snap").orElseThrow();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<? extends DomainEventMessage<?>> loaded = store.readEvents("acc-snap").asStream().toList();

            assertThat(latest.getPayload()).isEqualTo(new AccountSnapshot("acc-snap", 2_000));
            assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(5L, 6L, 7L);
            assertThat(database.jdbc().queryForObject(
                    "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = 'acc-snap'", Long.class))
                    .isEqualTo(1L);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void appendJoinsTheSurroundingSpringTransaction() {
        database.jdbc().execute("CREATE TABLE IF NOT EXISTS project_row (id text PRIMARY KEY)");

        assertThatThrownBy(() -> database.transactions().executeWithoutResult(status -> {
            database.jdbc().update("INSERT INTO project_row VALUES ('rolled-back')");
            engine.appendEvents(fundsMoved("acc-rolled-back", 0, 2));
            throw new IllegalStateException("the command failed after writing");
        })).isInstanceOf(IllegalStateException.class);
        database.transactions().executeWithoutResult(status -> {
            database.jdbc().update("INSERT INTO project_row VALUES ('committed')");
            engine.appendEvents(fundsMoved("acc-committed", 0, 2));
        });

        assertThat(engine.readEvents("acc-rolled-back").asStream()).isEmpty();
        assertThat(engine.readEvents("acc-committed").asStream()).hasSize(2);
        assertThat(database.jdbc().queryForList("SELECT id FROM project_row", String.class))
                .containsExactly("committed");
    }

    @Test
    void eventsOfOneAppendShareOneTransactionId() {
        engine.appendEvents(fundsMoved("acc-tx", 0, 3));

        assertThat(database.jdbc().queryForObject(
                "SELECT count(DISTINCT tx_id) FROM domain_event_entry WHERE aggregate_identifier = 'acc-tx'",
                Long.class)).isEqualTo(1L);
    }

    private static DomainEventMessage<AccountSnapshot> snapshot(String account, long sequence, long balance) {
        return new GenericDomainEventMessage<>("Account", account, sequence, new AccountSnapshot(account, balance));
    }
}
