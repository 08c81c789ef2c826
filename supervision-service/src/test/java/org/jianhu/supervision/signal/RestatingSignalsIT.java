package org.jianhu.supervision.signal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.supervision.support.SupervisionIT;
import org.jianhu.testsupport.BoundQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.cancelled;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.reassigned;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** Reassigned supervisors reach the consumers of every signal of the project, open or cleared, once. */
class RestatingSignalsIT extends SupervisionIT {

    @Test
    void reassigningSupervisorsRestatesEachSignalOnceOpenOrCleared() throws Exception {
        try (BoundQueue signals = BoundQueue.bind(RiskSignalChanged.exchange(amqpPrefix), "signal.#")) {
            EventEnvelope reassignment = feed.envelope(3000, 2, reassigned("p-open", List.of("sup-li"), "sup-li", "sup-wang"));
            feed.publish(feed.envelope(3000, 0, registered("p-open", "Haishu")),
                    feed.envelope(3000, 1, payment("p-open", "t-1", "1200000.00")), reassignment, reassignment,
                    feed.envelope(3000, 3, reassigned("p-open", List.of("sup-li", "sup-wang"), "sup-li", "sup-wang")),
                    feed.envelope(4000, 0, registered("p-gone", "Haishu")),
                    feed.envelope(4000, 1, payment("p-gone", "t-1", "600000.00")),
                    feed.envelope(4000, 2, cancelled("p-gone")),
                    feed.envelope(4000, 3, reassigned("p-gone", List.of("sup-li"), "sup-wang")));

            await().atMost(Duration.ofSeconds(20)).until(() -> appliedThrough("p-open", 3) && appliedThrough("p-gone", 3));
            await().atMost(Duration.ofSeconds(20)).until(() -> signals.received().size() == 5);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> signals.received().size() == 5);

            assertThat(changeTypes("p-open")).containsExactly("raised ->RED", "restated RED>RED");
            assertThat(changeTypes("p-gone")).containsExactly("raised ->YELLOW", "cleared YELLOW>GREEN", "restated GREEN>GREEN");
            BoundQueue.Delivery delivery = signals.received().stream()
                    .filter(received -> body(received).get("change").asText().equals(RiskSignalChanged.RESTATED)
                            && body(received).get("projectId").asText().equals("p-open"))
                    .findFirst().orElseThrow();
            JsonNode restated = body(delivery);
            JsonNode raised = signals.received().stream().map(RestatingSignalsIT.this::body)
                    .filter(change -> change.get("projectId").asText().equals("p-open")
                            && change.get("change").asText().equals(RiskSignalChanged.RAISED))
                    .findFirst().orElseThrow();
            assertThat(delivery.routingKey()).isEqualTo("signal.red.T01");
            assertThat(delivery.properties().getMessageId()).isEqualTo(restated.get("changeId").asText())
                    .isNotEqualTo(raised.get("changeId").asText());
            assertThat(restated.get("signalId")).isEqualTo(raised.get("signalId"));
            assertThat(restated.get("previousLevel").asText()).isEqualTo("RED");
            assertThat(restated.get("numbers")).isEqualTo(raised.get("numbers"));
            assertThat(restated.get("supervisors")).extracting(JsonNode::asText).containsExactly("sup-li", "sup-wang");
            assertThat(restated.get("region").asText()).isEqualTo("Haishu");
            assertThat(restated.get("ownerOrganisation").asText()).isEqualTo("transport-bureau");
            assertThat(jdbc.queryForObject("SELECT level || ' ' || score FROM risk_project WHERE project_id = 'p-open'",
                    String.class)).isEqualTo("RED 10");
        }
    }

    private boolean appliedThrough(String projectId, long sequence) {
        return jdbc.queryForObject("SELECT count(*) FROM risk_project WHERE project_id = ? AND next_sequence = ?",
                Long.class, projectId, sequence + 1) == 1;
    }

    private List<String> changeTypes(String projectId) {
        return jdbc.queryForList("SELECT change_type || ' ' || coalesce(previous_level, '-') || '>' || level "
                + "FROM signal_outbox WHERE project_id = ? ORDER BY position", String.class, projectId);
    }

    private JsonNode body(BoundQueue.Delivery delivery) {
        try {
            return json.readTree(delivery.body());
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
