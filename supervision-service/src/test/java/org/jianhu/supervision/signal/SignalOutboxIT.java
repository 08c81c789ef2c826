package org.jianhu.supervision.signal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.supervision.support.SupervisionIT;
import org.jianhu.testsupport.BoundQueue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.cancelled;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** Every signal change is written to the outbox with the view, and reaches the exchange once. */
class SignalOutboxIT extends SupervisionIT {

    @Test
    void aTrippedRuleRaisesOneSignalPublishedExactlyOnce() throws Exception {
        try (BoundQueue signals = BoundQueue.bind(RiskSignalChanged.exchange(amqpPrefix), "signal.#")) {
            EventEnvelope overpaid = feed.envelope(1000, 1, payment("p-red", "t-1", "1200000.00"));
            feed.publish(feed.envelope(1000, 0, registered("p-red", "Haishu")), overpaid, overpaid);

            await().atMost(Duration.ofSeconds(20)).until(() -> published("p-red") == 1);
            feed.publish(overpaid, feed.envelope(1000, 2, payment("p-red", "t-2", "1000.00")));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT next_sequence FROM risk_project WHERE project_id = 'p-red'", Long.class) == 3);

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> signals.received().size() == 1 && outboxRows("p-red") == 1);
            BoundQueue.Delivery delivery = signals.received().get(0);
            JsonNode change = json.readTree(delivery.body());
            assertThat(delivery.routingKey()).isEqualTo("signal.red.T01");
            assertThat(change.get("change").asText()).isEqualTo("raised");
            assertThat(change.get("level").asText()).isEqualTo("RED");
            assertThat(change.get("numbers").get("paid").decimalValue()).isEqualByComparingTo("1200000.00");
            assertThat(change.get("evidence").get(1).asLong()).isEqualTo(1001L);
            assertThat(change.get("region").asText()).isEqualTo("Haishu");
            assertThat(change.get("projectCode").asText()).isEqualTo("C-p-red");
            assertThat(change.get("projectTitle").asText()).isEqualTo("Bridge p-red");
            assertThat(change.get("ownerOrganisation").asText()).isEqualTo("transport-bureau");
            assertThat(change.get("supervisors")).extracting(JsonNode::asText).containsExactly("sup-li");
            assertThat(delivery.properties().getMessageId()).isEqualTo(change.get("changeId").asText())
                    .isEqualTo(jdbc.queryForObject("SELECT id::text FROM signal_outbox WHERE project_id = 'p-red'",
                            String.class));
            assertThat(jdbc.queryForObject("SELECT level || ' ' || score FROM risk_project WHERE project_id = 'p-red'",
                    String.class)).isEqualTo("RED 10");
        }
    }

    @Test
    void aSignalEscalatesAndClearsWhenItsConditionGoes() throws Exception {
        try (BoundQueue signals = BoundQueue.bind(RiskSignalChanged.exchange(amqpPrefix), "signal.#")) {
            feed.publish(feed.envelope(2000, 0, registered("p-flow", "Yinzhou")),
                    feed.envelope(2000, 1, payment("p-flow", "t-1", "600000.00")),
                    feed.envelope(2000, 2, payment("p-flow", "t-2", "600000.00")),
                    feed.envelope(2000, 3, cancelled("p-flow")));

            await().atMost(Duration.ofSeconds(20)).until(() -> published("p-flow") == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> signals.received().size() == 3);
            assertThat(signals.received()).extracting(BoundQueue.Delivery::routingKey)
                    .containsExactly("signal.yellow.T01", "signal.red.T01", "signal.green.T01");
            assertThat(jdbc.queryForList("SELECT change_type || ' ' || coalesce(previous_level, '-') || '>' || level "
                    + "FROM signal_outbox WHERE project_id = 'p-flow' ORDER BY position", String.class))
                    .containsExactly("raised ->YELLOW", "levelChanged YELLOW>RED", "cleared RED>GREEN");
            assertThat(jdbc.queryForList("SELECT status || ' ' || level FROM risk_signal WHERE project_id = 'p-flow'",
                    String.class)).containsExactly("cleared RED");
            assertThat(jdbc.queryForObject("SELECT level || ' ' || score FROM risk_project WHERE project_id = 'p-flow'",
                    String.class)).isEqualTo("GREEN 0");
            assertThat(changes(signals)).extracting(change -> change.get("signalId").asText()).containsOnly(
                    jdbc.queryForObject("SELECT id::text FROM risk_signal WHERE project_id = 'p-flow'", String.class));
        }
    }

    private List<JsonNode> changes(BoundQueue signals) {
        return signals.received().stream().map(delivery -> {
            try {
                return json.readTree(delivery.body());
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }).toList();
    }

    private long published(String projectId) {
        return jdbc.queryForObject("SELECT count(*) FROM signal_outbox WHERE project_id = ? AND published_at IS NOT NULL",
                Long.class, projectId);
    }
}
