package org.jianhu.supervision.consumption;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.assessment.RiskRegisterParking;
import org.jianhu.supervision.support.HistoryStub;
import org.jianhu.supervision.support.SupervisionIT;
import org.jianhu.testsupport.OpenTransactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/**
 * The project service is slow to answer a history: no transaction of supervision's database stays open while it
 * is asked (the project's row lock neither), and what the history holds is applied once it answers.
 */
class SlowProjectServiceIT extends SupervisionIT {

    private static final Duration SLOW = Duration.ofSeconds(3);
    private static final HistoryStub projectService = new HistoryStub();

    @DynamicPropertySource
    static void historyFromTheStub(DynamicPropertyRegistry registry) {
        registry.add("jianhu.project-service.url", projectService::url);
        registry.add("jianhu.consumption.retry-pause-ms", () -> "100");
    }

    @AfterAll
    static void stopStub() {
        projectService.close();
    }

    @AfterEach
    void answerAtOnceAgain() {
        projectService.answersHistoriesAfter(Duration.ZERO);
    }

    @Autowired
    RiskRegisterParking parking;
    @Value("${jianhu.test.database}")
    String database;

    @Test
    void aGapIsHealedWithNoTransactionOpenWhileTheHistoryIsRead() throws Exception {
        EventEnvelope[] history = history("p-gap-slow", 3000);
        projectService.holds("p-gap-slow", history);
        feed.publish(history[0]);
        awaitAppliedThrough("p-gap-slow", 0);
        projectService.answersHistoriesAfter(SLOW);

        feed.publish(history[2]);
        await().atMost(Duration.ofSeconds(20)).until(() -> projectService.historyRequests("p-gap-slow") == 1);
        assertNoTransactionHeldOpenFor(SLOW.minusMillis(500));

        awaitAppliedThrough("p-gap-slow", 2);
        assertThat(appliedPositions("p-gap-slow")).containsExactly(3000L, 3001L, 3002L);
    }

    @Test
    void aParkedProjectIsCaughtUpWithNoTransactionOpenWhileTheHistoryIsRead() throws Exception {
        EventEnvelope[] history = history("p-parked-slow", 4000);
        projectService.holds("p-parked-slow", history);
        feed.publish(history[0]);
        awaitAppliedThrough("p-parked-slow", 0);
        assertThat(parking.park(history[1], "parked by the test")).isTrue();
        projectService.answersHistoriesAfter(SLOW);

        CompletableFuture<ResponseEntity<String>> retried = CompletableFuture.supplyAsync(() ->
                call(HttpMethod.POST, "/api/risk/parked/p-parked-slow/retry", null, admin()));
        await().atMost(Duration.ofSeconds(20)).until(() -> projectService.historyRequests("p-parked-slow") == 1);
        assertNoTransactionHeldOpenFor(SLOW.multipliedBy(2).minusMillis(500));

        assertThat(retried.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
        assertThat(parking.isParked("p-parked-slow")).isFalse();
        assertThat(appliedPositions("p-parked-slow")).containsExactly(4000L, 4001L, 4002L);
    }

    private void assertNoTransactionHeldOpenFor(Duration watch) {
        OpenTransactions.in(database).longestDuring(watch).ifPresent(longest ->
                assertThat(longest.openFor()).as("longest open while the project service was slow: %s", longest)
                        .isLessThan(Duration.ofSeconds(1)));
    }

    private EventEnvelope[] history(String projectId, long positionBase) {
        return new EventEnvelope[]{
                feed.envelope(positionBase, 0, registered(projectId, "Haishu")),
                feed.envelope(positionBase, 1, payment(projectId, "t-1", "100000.00")),
                feed.envelope(positionBase, 2, payment(projectId, "t-2", "200000.00"))};
    }

    private void awaitAppliedThrough(String projectId, long sequenceNumber) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT next_sequence FROM risk_project WHERE project_id = ?", Long.class, projectId)
                .equals(List.of(sequenceNumber + 1)));
    }

    private List<Long> appliedPositions(String projectId) {
        return jdbc.queryForList("SELECT jsonb_array_elements(facts -> 'applied')::bigint FROM risk_project "
                + "WHERE project_id = ?", Long.class, projectId);
    }
}
