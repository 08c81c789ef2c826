package org.jianhu.alert.stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.EventStreamClient;
import org.jianhu.alert.support.EventStreamClient.Event;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.cleared;
import static org.jianhu.alert.support.SignalFeed.levelChanged;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * The live stream sends every alert step in order, each with its alert's summary; a client resuming with
 * Last-Event-ID misses none, sees none twice.
 */
class AlertStreamIT extends AlertIT {

    @LocalServerPort
    int port;

    @Test
    void aClientReconnectingWithLastEventIdGetsWhatItMissedAndNothingTwice() throws Exception {
        UUID signal = UUID.randomUUID();
        List<Event> seen = new ArrayList<>();
        try (EventStreamClient first = EventStreamClient.open(stream(), null, auditorSigned())) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).startsWith("text/event-stream");
            feed.publish(raised(signal, "p-live", "YELLOW"), levelChanged(signal, "p-live", "RED", "YELLOW"));
            await().atMost(Duration.ofSeconds(20)).until(() -> first.events().size() == 2);
            seen.addAll(first.events());
        }

        feed.publish(cleared(signal, "p-live", "RED"));
        UUID alert = awaitAlertOf(signal);
        await().atMost(Duration.ofSeconds(20)).until(() -> steps(alert) == 3);
        UUID other = UUID.randomUUID();
        try (EventStreamClient resumed = EventStreamClient.open(stream(), seen.get(1).id(), auditorSigned())) {
            feed.publish(about(raised(other, "p-live-2", "RED"), "Haishu", "sup-li"));
            await().atMost(Duration.ofSeconds(20)).until(() -> resumed.events().size() >= 2);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> resumed.events().size() == 2);
            seen.addAll(resumed.events());
        }

        assertThat(seen).extracting(Event::name)
                .containsExactly("raised", "signalLevelChanged", "signalCleared", "raised");
        List<Long> ids = seen.stream().map(event -> Long.parseLong(event.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids).containsExactlyElementsOf(jdbc.queryForList(
                "SELECT position FROM alert_event ORDER BY position", Long.class));
        JsonNode last = json.readTree(seen.get(3).data());
        assertThat(last.get("alertId").asText()).isEqualTo(alertOf(other).toString());
        assertThat(last.get("level").asText()).isEqualTo("RED");
        assertThat(json.readTree(seen.get(2).data()).get("alertId").asText()).isEqualTo(alert.toString());
        assertCarriesItsAlertsSummary(last);
    }

    /** So that a live feed shows the alert without a second request. */
    private static void assertCarriesItsAlertsSummary(JsonNode step) {
        JsonNode alert = step.get("alert");
        assertThat(alert.get("id").asText()).isEqualTo(step.get("alertId").asText());
        assertThat(alert.get("projectId").asText()).isEqualTo("p-live-2");
        assertThat(alert.get("projectCode").asText()).isEqualTo("C-p-live-2");
        assertThat(alert.get("projectTitle").asText()).isEqualTo("Bridge p-live-2");
        assertThat(alert.get("ruleId").asText()).isEqualTo("R01");
        assertThat(alert.get("level").asText()).isEqualTo("RED");
        assertThat(alert.get("explanationZh").asText()).isEqualTo("付款超前于进度");
        assertThat(alert.get("explanationEn").asText()).isEqualTo("payment ahead of progress");
    }

    @Test
    void aNewClientWithoutLastEventIdGetsOnlyWhatHappensFromNowOn() throws Exception {
        UUID before = UUID.randomUUID();
        feed.publish(raised(before, "p-before", "RED"));
        awaitAlertOf(before);

        UUID after = UUID.randomUUID();
        try (EventStreamClient client = EventStreamClient.open(stream(), null, auditorSigned())) {
            feed.publish(raised(after, "p-after", "YELLOW"));
            await().atMost(Duration.ofSeconds(20)).until(() -> !client.events().isEmpty());
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> client.events().size() == 1);
            assertThat(json.readTree(client.events().get(0).data()).get("alertId").asText())
                    .isEqualTo(alertOf(after).toString());
        }
    }

    @Test
    void aStreamWithoutAnIdentityTheGatewaySignedIsRefusedWith401() throws Exception {
        try (EventStreamClient unsigned = EventStreamClient.open(stream(), null, Map.of("X-Jianhu-User", "aud-sun",
                "X-Jianhu-Role", "auditor"))) {
            assertThat(unsigned.status()).isEqualTo(401);
            assertThat(unsigned.contentType()).startsWith("application/problem+json");
        }
    }

    private static Map<String, String> auditorSigned() {
        return TestIdentity.headers("aud-sun", "auditor");
    }

    private URI stream() {
        return URI.create("http://localhost:" + port + "/api/alerts/stream");
    }
}
