package org.jianhu.eventstore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.jianhu.eventstore.health.EventStoreHealthIndicator;
import org.jianhu.eventstore.lag.EventStoreLag;
import org.jianhu.eventstore.lag.EventStoreLagMetrics;
import org.jianhu.eventstore.lag.LagReport;
import org.jianhu.eventstore.lag.LagReport.Session;
import org.jianhu.eventstore.support.HeldTransaction;
import org.jianhu.eventstore.support.TestDatabase;
import org.jianhu.eventstore.support.UnprivilegedRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Collections.nCopies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.eventstore.support.Events.fundsMoved;

/**
 * Readers wait only for transactions that can still append to the event table: those of its own
 * database. Another database on the same server (another service's) never holds them back.
 */
class ReadingHorizonIT {

    private static final String APPLICATION = "reading_horizon";

    private static TestDatabase database;
    private static TestDatabase neighbour;
    private static CommitOrderedEventStorageEngine engine;
    private static EventStoreLag lag;

    @BeforeAll
    static void createStoreAndNeighbour() {
        database = TestDatabase.create(APPLICATION);
        neighbour = TestDatabase.create("neighbour", 2);
        engine = database.commitOrderedEngine().batchSize(5).build();
        lag = lagSeenBy(database.dataSource());
    }

    @AfterAll
    static void dropStores() {
        database.close();
        neighbour.close();
    }

    /** Batches of five: the first ones lie wholly below the neighbour's transaction, the last ones above it. */
    @Test
    void aTransactionOpenInAnotherDatabaseNoLongerHoldsReadersBack() {
        TrackingToken start = engine.createHeadToken();
        engine.appendEvents(fundsMoved("acc-before-neighbour", 0, 7));
        HeldTransaction elsewhere = holdOpenInTheNeighbour();
        try {
            engine.appendEvents(fundsMoved("acc-past-neighbour", 0, 7));

            assertThat(eventsAtOrAboveTheClusterWideHorizon())
                    .as("the neighbour's transaction is older, so the cluster-wide horizon would hold these")
                    .isGreaterThanOrEqualTo(7);
            assertThat(aggregatesOf(readAfter(start)))
                    .containsExactlyElementsOf(Stream.concat(nCopies(7, "acc-before-neighbour").stream(),
                                                             nCopies(7, "acc-past-neighbour").stream()).toList());
            LagReport report = lag.measure();
            assertThat(report.readersHeldBack()).isFalse();
            assertThat(report.heldBackBy()).isEmpty();
            assertThat(health(lag).getDetails()).containsEntry("readersHeldBack", false)
                                                .doesNotContainKeys("heldBackBy", "heldBackBecause");
        } finally {
            elsewhere.commit();
        }
    }

    @Test
    void aTransactionOpenInThisDatabaseHoldsReadersBackAndHealthAndMetricsNameIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EventStoreLagMetrics(lag).bindTo(registry);
        TrackingToken start = engine.createHeadToken();
        HeldTransaction here = holdOpenHere();
        try {
            engine.appendEvents(fundsMoved("acc-behind-local", 0, 2));

            assertThat(readAfter(start)).isEmpty();
            LagReport report = lag.measure();
            assertThat(report.heldBackEvents()).isEqualTo(2);
            Session culprit = report.heldBackBy().orElseThrow().session().orElseThrow();
            assertThat(culprit.database()).isEqualTo(database.name());
            assertThat(culprit.applicationName()).isEqualTo(APPLICATION);
            assertThat(culprit.openFor()).isPresent();
            assertThat(registry.get("jianhu.eventstore.held.back.events").gauge().value()).isEqualTo(2);
            assertThat(registry.get("jianhu.eventstore.holding.transaction.age").gauge().value()).isPositive();
            assertThat(health(lag).getDetails())
                    .containsEntry("readersHeldBack", true)
                    .containsKey("heldBackBy")
                    .hasEntrySatisfying("heldBackBecause", because -> assertThat((String) because)
                            .contains("database " + database.name(), "application '" + APPLICATION + "'", "open for PT"));
        } finally {
            here.commit();
        }
        assertThat(aggregatesOf(readAfter(start))).containsExactly("acc-behind-local", "acc-behind-local");
    }

    /**
     * The case a lock on the event table could not catch: the transaction took its id writing
     * elsewhere and appends only later, behind events that committed in the meantime.
     */
    @Test
    void aTransactionOfThisDatabaseThatAppendsLateIsNeverPassed() {
        TrackingToken start = engine.createHeadToken();
        HeldTransaction late = holdOpenHere();
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(fundsMoved("acc-early-" + i, 0, 1));
        }

        List<TrackedEventMessage<?>> whileOpen = readAfter(start);
        late.commitAfter(() -> engine.appendEvents(fundsMoved("acc-late", 0, 1)));

        assertThat(whileOpen).isEmpty();
        List<String> delivered = aggregatesOf(readAfter(start));
        assertThat(delivered).hasSize(6).doesNotHaveDuplicates();
        assertThat(delivered.get(0)).as("its id is the oldest, so it reads first").isEqualTo("acc-late");
    }

    @Test
    void readersStopAtThisDatabasesTransactionNotAtAnOlderOneElsewhere() {
        TrackingToken start = engine.createHeadToken();
        HeldTransaction elsewhere = holdOpenInTheNeighbour();
        try {
            engine.appendEvents(fundsMoved("acc-before-local", 0, 1));
            HeldTransaction here = holdOpenHere();
            engine.appendEvents(fundsMoved("acc-after-local", 0, 1));

            List<String> whileBothOpen = aggregatesOf(readAfter(start));
            LagReport report = lag.measure();
            here.commit();

            assertThat(whileBothOpen).containsExactly("acc-before-local");
            assertThat(report.heldBackEvents()).isEqualTo(1);
            assertThat(report.heldBackBy().orElseThrow().session().orElseThrow().database()).isEqualTo(database.name());
            assertThat(aggregatesOf(readAfter(start))).containsExactly("acc-before-local", "acc-after-local");
        } finally {
            elsewhere.commit();
        }
    }

    /**
     * Which database a running transaction belongs to is shown to every role; only when it started
     * is not. So the horizon needs no privilege, and health says what it cannot see.
     */
    @Test
    void aRoleWithoutStatisticsPrivilegesStillLooksPastOtherDatabases() {
        try (UnprivilegedRole reader = UnprivilegedRole.readingTheEventStoreOf(database)) {
            EventStoreLag lagSeenByReader = lagSeenBy(reader.dataSource());
            HeldTransaction elsewhere = holdOpenInTheNeighbour();
            try {
                engine.appendEvents(fundsMoved("acc-unprivileged-1", 0, 1));
                LagReport pastTheNeighbour = lagSeenByReader.measure();
                HeldTransaction here = holdOpenHere();
                engine.appendEvents(fundsMoved("acc-unprivileged-2", 0, 1));
                LagReport behindThisDatabase = lagSeenByReader.measure();
                Health health = health(lagSeenByReader);
                here.commit();

                assertThat(pastTheNeighbour.readersHeldBack()).isFalse();
                Session culprit = behindThisDatabase.heldBackBy().orElseThrow().session().orElseThrow();
                assertThat(culprit.database()).isEqualTo(database.name());
                assertThat(culprit.applicationName()).isEqualTo(APPLICATION);
                assertThat(culprit.openFor()).isEmpty();
                assertThat((String) health.getDetails().get("heldBackBecause")).contains("needs pg_read_all_stats");
            } finally {
                elsewhere.commit();
            }
        }
    }

    /** A transaction with an id in this database that has not appended (yet). */
    private static HeldTransaction holdOpenHere() {
        return HeldTransaction.open(database.transactions(), database::writeOutsideTheEventStore);
    }

    /** A transaction with an id in another database of the same server. */
    private static HeldTransaction holdOpenInTheNeighbour() {
        return HeldTransaction.open(neighbour.transactions(), neighbour::writeOutsideTheEventStore);
    }

    private static EventStoreLag lagSeenBy(DataSource dataSource) {
        return new EventStoreLag(dataSource, EventTables.DEFAULT, Clock.systemUTC(), Duration.ZERO);
    }

    private static Health health(EventStoreLag measured) {
        return new EventStoreHealthIndicator(measured).health();
    }

    private static int eventsAtOrAboveTheClusterWideHorizon() {
        return database.jdbc().queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot())",
                Integer.class);
    }

    private static List<TrackedEventMessage<?>> readAfter(TrackingToken token) {
        return new ArrayList<>(engine.readEvents(token, false).toList());
    }

    private static List<String> aggregatesOf(List<TrackedEventMessage<?>> events) {
        return events.stream().map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()).toList();
    }
}
