package org.jianhu.eventstore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.jianhu.eventstore.health.EventStoreHealthIndicator;
import org.jianhu.eventstore.lag.EventStoreLag;
import org.jianhu.eventstore.lag.EventStoreLagMetrics;
import org.jianhu.eventstore.lag.LagReport;
import org.jianhu.eventstore.support.Events.FundsMoved;
import org.jianhu.eventstore.support.HeldTransaction;
import org.jianhu.eventstore.support.TestDatabase;
import org.jianhu.eventstore.token.CommitOrderToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.eventstore.support.Events.fundsMoved;

class TrackingReadIT {

    private static TestDatabase database;
    private static CommitOrderedEventStorageEngine engine;

    @BeforeAll
    static void createStore() {
        database = TestDatabase.create("tracking_read");
        engine = database.commitOrderedEngine().batchSize(5).build();
    }

    @AfterAll
    static void dropStore() {
        database.close();
    }

    @Test
    void tailTokenReadsEveryEventInTransactionOrder() {
        engine.appendEvents(fundsMoved("acc-order-1", 0, 3));
        engine.appendEvents(fundsMoved("acc-order-2", 0, 9));

        List<CommitOrderToken> tokens = readAfter(engine.createTailToken()).stream()
                .map(event -> (CommitOrderToken) event.trackingToken()).toList();

        assertThat(tokens).hasSize(storedEvents()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void transactionIdsAreOrderedAsNumbersNotAsText() {
        for (String txId : List.of("100", "9", "99", "10")) {
            database.jdbc().update("INSERT INTO domain_event_entry (tx_id, event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload, meta_data) VALUES (CAST(? AS xid8), ?, ?, 0,"
                    + " 'Account', TIMESTAMPTZ '2000-01-01 00:00Z', ?, ?, CAST('{}' AS bytea))",
                    txId, "event-tx-" + txId, "acc-tx-" + txId, FundsMoved.class.getName(),
                    "{\"account\":\"acc-tx\",\"amountFen\":1}".getBytes());
        }

        List<String> firstFour = aggregatesOf(readAfter(engine.createTailToken())).subList(0, 4);

        assertThat(firstFour).containsExactly("acc-tx-9", "acc-tx-10", "acc-tx-99", "acc-tx-100");
    }

    @Test
    void headTokenPassesStoredEventsButNotThoseOfOpenTransactions() {
        engine.appendEvents(fundsMoved("acc-head-stored", 0, 2));
        HeldTransaction open = HeldTransaction.open(database.transactions(),
                () -> engine.appendEvents(fundsMoved("acc-head-open", 0, 1)));
        engine.appendEvents(fundsMoved("acc-head-after", 0, 1));

        TrackingToken head = engine.createHeadToken();
        open.commit();

        assertThat(aggregatesOf(readAfter(head))).containsExactly("acc-head-open", "acc-head-after");
    }

    @Test
    void tokenAtInstantStartsWithTheEventsStampedFromThen() {
        engine.appendEvents(fundsMoved("acc-at-before", 0, 2));
        Instant from = clockPast(Instant.now());
        clockPast(from);
        engine.appendEvents(fundsMoved("acc-at-after", 0, 2));

        assertThat(aggregatesOf(readAfter(engine.createTokenAt(from))))
                .containsExactly("acc-at-after", "acc-at-after");
        assertThat(engine.createTokenAt(Instant.now().plusSeconds(60))).isEqualTo(engine.createHeadToken());
    }

    /** The trade-off: an open transaction of this database holds every reader back, and loses nothing. */
    @Test
    void readersWaitBehindAnOpenTransactionThenReceiveEverythingOnce() {
        TrackingToken start = engine.createHeadToken();
        HeldTransaction open = HeldTransaction.open(database.transactions(),
                () -> engine.appendEvents(fundsMoved("acc-long", 0, 1)));
        for (int i = 0; i < 20; i++) {
            engine.appendEvents(fundsMoved("acc-quick-" + i, 0, 1));
        }
        EventStoreLag lag = new EventStoreLag(database.dataSource(), EventTables.DEFAULT, Clock.systemUTC(), Duration.ZERO);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EventStoreLagMetrics(lag).bindTo(registry);

        List<TrackedEventMessage<?>> whileOpen = readAfter(start);
        LagReport held = lag.current();
        Health health = new EventStoreHealthIndicator(lag).health();
        double gauged = registry.get("jianhu.eventstore.held.back.events").gauge().value();
        open.commit();

        assertThat(whileOpen).isEmpty();
        assertThat(held.readersHeldBack()).isTrue();
        assertThat(held.heldBackEvents()).isGreaterThanOrEqualTo(20);
        assertThat(held.heldBackBy()).isPresent();
        assertThat(gauged).isGreaterThanOrEqualTo(20);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("readersHeldBack", true).containsKey("heldBackBy");

        List<String> delivered = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            delivered.clear();
            delivered.addAll(aggregatesOf(readAfter(start)));
            assertThat(delivered).hasSize(21);
        });
        assertThat(delivered.get(0)).as("the long transaction wrote first, so it reads first").isEqualTo("acc-long");
        assertThat(delivered).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(30)).until(() -> !lag.current().readersHeldBack());
    }

    private static List<TrackedEventMessage<?>> readAfter(TrackingToken token) {
        return new ArrayList<>(engine.readEvents(token, false).toList());
    }

    private static List<String> aggregatesOf(List<TrackedEventMessage<?>> events) {
        return events.stream()
                     .map(event -> ((org.axonframework.eventhandling.DomainEventMessage<?>) event).getAggregateIdentifier())
                     .toList();
    }

    private static int storedEvents() {
        return database.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }

    /** Waits until the clock has moved a little past {@code instant}, and answers that later instant. */
    private static Instant clockPast(Instant instant) {
        Instant later = instant.plusMillis(20);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(later));
        return later;
    }
}
