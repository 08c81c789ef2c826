package org.jianhu.eventstore.health;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jianhu.eventstore.lag.EventStoreLag;
import org.jianhu.eventstore.lag.EventStoreLagMetrics;
import org.jianhu.eventstore.lag.LagReport;
import org.jianhu.eventstore.lag.LagReport.HoldingTransaction;
import org.jianhu.eventstore.lag.LagReport.Session;
import org.jianhu.eventstore.token.CommitOrderToken;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreHealthIndicatorTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final CommitOrderToken HEAD = new CommitOrderToken(900, 41);

    @Test
    void nothingHeldBackNamesNoTransaction() {
        Health health = healthOf(new LagReport(NOW, HEAD, 0, Duration.ZERO, Optional.empty()));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("readersHeldBack", false)
                                       .doesNotContainKeys("heldBackBy", "heldBackBecause");
    }

    @Test
    void heldBackEventsNameTheSessionThatHoldsThemAndStayUp() {
        Session session = new Session(4711, "jianhu_project", "psql", Optional.of(Duration.ofSeconds(7)));
        Health health = healthOf(heldBackBy(new HoldingTransaction(1000, Optional.of(session))));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("readersHeldBack", true)
                .containsEntry("heldBackBy", Map.of("transactionId", 1000L, "pid", 4711, "database", "jianhu_project",
                                                    "applicationName", "psql", "openFor", "PT7S"))
                .containsEntry("heldBackBecause", "20 committed events wait for transaction 1000 (pid 4711, database"
                        + " jianhu_project, application 'psql', open for PT7S): it may still append to the event"
                        + " store. They are delivered, in order, once it ends.");
    }

    @Test
    void aStartThisRoleMayNotSeeIsSaidToBeHiddenAndGaugedAsUnknown() {
        Session session = new Session(4711, "jianhu_project", "batch", Optional.empty());
        LagReport report = heldBackBy(new HoldingTransaction(1000, Optional.of(session)));

        assertThat((String) healthOf(report).getDetails().get("heldBackBecause"))
                .contains("open for not visible to this role (it needs pg_read_all_stats)");
        assertThat(holdingTransactionAge(report)).isNaN();
    }

    @Test
    void aTransactionThatEndedAMomentAgoIsSaidToHaveEnded() {
        LagReport report = heldBackBy(new HoldingTransaction(1000, Optional.empty()));

        assertThat(healthOf(report).getDetails())
                .containsEntry("heldBackBy", Map.of("transactionId", 1000L, "session", "ended a moment ago"));
    }

    @Test
    void theHoldingTransactionsAgeIsZeroWhenNothingIsHeldBack() {
        assertThat(holdingTransactionAge(new LagReport(NOW, HEAD, 0, Duration.ZERO, Optional.empty()))).isZero();
    }

    private static LagReport heldBackBy(HoldingTransaction holder) {
        return new LagReport(NOW, HEAD, 20, Duration.ofSeconds(6), Optional.of(holder));
    }

    private static Health healthOf(LagReport report) {
        return new EventStoreHealthIndicator(measuring(report)).health();
    }

    private static double holdingTransactionAge(LagReport report) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EventStoreLagMetrics(measuring(report)).bindTo(registry);
        return registry.get("jianhu.eventstore.holding.transaction.age").gauge().value();
    }

    /** A lag that always reports {@code report}, without a database. */
    private static EventStoreLag measuring(LagReport report) {
        return new EventStoreLag(null) {
            @Override
            public synchronized LagReport current() {
                return report;
            }
        };
    }
}
