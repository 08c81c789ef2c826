package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.support.HistoryStub;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** Whatever order and however often the broker delivers, each event is applied once, in sequence. */
class ApplyingProjectEventsIT extends SupervisionIT {

    private static final HistoryStub projectService = new HistoryStub();

    @DynamicPropertySource
    static void historyFromTheStub(DynamicPropertyRegistry registry) {
        registry.add("jianhu.project-service.url", projectService::url);
        registry.add("jianhu.consumption.retry-pause-ms", () -> "100");
        // several consumers take one project's events in any order, as several instances would
        registry.add("spring.rabbitmq.listener.simple.concurrency", () -> "4");
        registry.add("spring.rabbitmq.listener.simple.prefetch", () -> "5");
    }

    @AfterAll
    static void stopStub() {
        projectService.close();
    }

    @Test
    void aDuplicateDeliveryIsAppliedOnce() throws Exception {
        EventEnvelope[] history = history("p-dup", 1000);
        projectService.holds("p-dup", history);
        feed.publish(history[0], history[1], history[1], history[0], history[2]);

        awaitAppliedThrough("p-dup", 2);
        assertThat(appliedPositions("p-dup")).containsExactly(1000L, 1001L, 1002L);
    }

    @Test
    void eventsDeliveredOutOfOrderEndInTheSameView() throws Exception {
        EventEnvelope[] history = history("p-order", 2000);
        projectService.holds("p-order", history);
        feed.publish(history[0], history[2], history[1]);

        awaitAppliedThrough("p-order", 2);
        feed.publish(feed.envelope(2000, 3, payment("p-order", "t-3", "50000.00")));

        awaitAppliedThrough("p-order", 3);
        assertThat(appliedPositions("p-order")).containsExactly(2000L, 2001L, 2002L, 2003L);
        assertThat(paidTotal("p-order")).isEqualByComparingTo("350000.00");
    }

    @Test
    void aMissingEventIsHealedFromTheProjectHistory() throws Exception {
        EventEnvelope[] history = history("p-gap", 3000);
        projectService.holds("p-gap", history);
        feed.publish(history[0], history[2]);

        awaitAppliedThrough("p-gap", 2);
        assertThat(appliedPositions("p-gap")).containsExactly(3000L, 3001L, 3002L);
        assertThat(projectService.callers()).containsExactly(CallerIdentity.service("supervision-service"));
        assertThat(projectService.refused()).isZero();
    }

    @Test
    void aGapTheHistoryCannotFillYetIsRetriedUntilItCan() throws Exception {
        EventEnvelope[] history = history("p-late", 4000);
        projectService.holds("p-late", history[0]);
        feed.publish(history[0]);
        awaitAppliedThrough("p-late", 0);
        feed.publish(history[2]);
        // more tries than make an event poison: a history that lags behind is the world's fault, never the event's
        await().atMost(Duration.ofSeconds(20)).until(() -> projectService.historyRequests("p-late") > 3);
        assertThat(appliedPositions("p-late")).containsExactly(4000L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parked_project", Long.class)).isZero();

        projectService.holds("p-late", history);

        awaitAppliedThrough("p-late", 2);
        assertThat(appliedPositions("p-late")).containsExactly(4000L, 4001L, 4002L);
    }

    @Test
    void concurrentConsumersApplyEveryProjectsEventsOnceAndInOrder() throws Exception {
        List<String> projects = List.of("p-busy-1", "p-busy-2", "p-busy-3");
        List<EventEnvelope> deliveries = new ArrayList<>();
        for (int index = 0; index < projects.size(); index++) {
            String projectId = projects.get(index);
            long base = 10_000L * (index + 1);
            EventEnvelope[] history = new EventEnvelope[20];
            history[0] = feed.envelope(base, 0, registered(projectId, "Beilun"));
            for (int sequence = 1; sequence < history.length; sequence++) {
                history[sequence] = feed.envelope(base, sequence, payment(projectId, "t-" + sequence, "1000.00"));
            }
            projectService.holds(projectId, history);
            deliveries.addAll(List.of(history));
            deliveries.addAll(List.of(history));
        }
        Collections.shuffle(deliveries, new Random(7));
        feed.publish(deliveries.toArray(EventEnvelope[]::new));

        for (int index = 0; index < projects.size(); index++) {
            awaitAppliedThrough(projects.get(index), 19);
            long base = 10_000L * (index + 1);
            assertThat(appliedPositions(projects.get(index)))
                    .containsExactlyElementsOf(LongStream.range(base, base + 20).boxed().toList());
            assertThat(paidTotal(projects.get(index))).isEqualByComparingTo("19000.00");
        }
    }

    @Test
    void theQueueIsAClassicQueueUnlessConfiguredOtherwise() throws Exception {
        assertThat(redeclaringTheQueueAs("classic")).isNull();
        assertThat(redeclaringTheQueueAs("quorum")).contains("PRECONDITION_FAILED")
                .contains("inequivalent arg 'x-queue-type'");
    }

    @Test
    void reportsItselfLiveAndReady() {
        assertThat(actuator("/actuator/health/liveness")).contains("\"UP\"");
        assertThat(actuator("/actuator/health/readiness")).contains("\"UP\"");
    }

    private EventEnvelope[] history(String projectId, long positionBase) {
        return new EventEnvelope[]{
                feed.envelope(positionBase, 0, registered(projectId, "Haishu")),
                feed.envelope(positionBase, 1, payment(projectId, "t-1", "100000.00")),
                feed.envelope(positionBase, 2, payment(projectId, "t-2", "200000.00"))};
    }

    @Test
    void aNulRecordedBeforeTheInputPolicyIsStoredAsTheReplacementCharacterNotPoison() throws Exception {
        var registered = feed.envelope(5000, 0, registered("p-nul", "Haishu"));
        var payment = feed.envelope(5000, 1, new org.jianhu.contracts.project.TransactionRecorded("p-nul", "t-1",
                org.jianhu.contracts.project.TransactionRecorded.PAYMENT, java.time.LocalDate.parse("2026-02-01"),
                org.jianhu.contracts.common.Money.cny("100.00"), org.jianhu.contracts.common.OrganisationReference.named("transport-bureau"), org.jianhu.contracts.common.OrganisationReference.named("coastal\u0000works"), null, null));
        projectService.holds("p-nul", registered, payment);
        feed.publish(registered, payment);

        awaitAppliedThrough("p-nul", 1);
        assertThat(jdbc.queryForObject("SELECT facts::text FROM risk_project WHERE project_id = ?", String.class, "p-nul"))
                .doesNotContain("\\u0000");
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

    private java.math.BigDecimal paidTotal(String projectId) {
        return jdbc.queryForObject("SELECT (facts ->> 'paidInTest')::numeric FROM risk_project WHERE project_id = ?",
                java.math.BigDecimal.class, projectId);
    }
}
