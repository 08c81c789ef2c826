package org.jianhu.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.jianhu.eventstore.support.TestDatabase;
import org.jianhu.eventstore.support.TortureScenario;
import org.jianhu.eventstore.support.TortureScenario.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight writers, a few hundred transactions each of one to four events, some held open three times
 * longer than the stock engine's gap timeout, one in twenty rolled back, and a tracking processor
 * reading throughout.
 */
class TortureIT {

    private static final Duration STOCK_GAP_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HOLD = STOCK_GAP_TIMEOUT.multipliedBy(3);

    private static TestDatabase database;
    private static TortureScenario scenario;

    @BeforeAll
    static void createStore() {
        database = TestDatabase.create("torture", 16);
        scenario = new TortureScenario(database, 8, 80, HOLD, HOLD.plus(STOCK_GAP_TIMEOUT.multipliedBy(2)));
    }

    @AfterAll
    static void dropStore() {
        database.close();
    }

    @Test
    void commitOrderedEngineDeliversEveryCommittedEventExactlyOnce() throws Exception {
        Outcome outcome = scenario.run(database.commitOrderedEngine().build());
        System.out.println("[torture] commit-ordered engine: " + outcome);

        assertThat(outcome.heldOpenTransactions()).isPositive();
        assertThat(outcome.rolledBack()).isPositive();
        assertThat(outcome.skipped()).isZero();
        assertThat(outcome.duplicated()).isZero();
        assertThat(outcome.deliveredButNeverCommitted()).isZero();
    }

    /**
     * Reports how many events Axon's stock engine lost under the same load (10 to 15 per run when
     * measured; BENCHMARKS.md). Whether it loses any in a given run depends on scheduling on this
     * machine, so the count is reported, not asserted; the guarantee under test is ours, above.
     */
    @Test
    void stockJdbcEngineIsRunThroughTheSameScenarioAndItsLossesReported() throws Exception {
        JdbcEventStorageEngine stock = database.stockEngine()
                                               .gapTimeout((int) STOCK_GAP_TIMEOUT.toMillis())
                                               .gapCleaningThreshold(1)
                                               .build();

        Outcome outcome = scenario.run(stock);
        System.out.println("[torture] Axon JdbcEventStorageEngine (gapTimeout " + STOCK_GAP_TIMEOUT.toMillis()
                                   + " ms): " + outcome);

        assertThat(outcome.heldOpenTransactions()).isPositive();
        assertThat(outcome.committed()).isPositive();
    }
}
