package org.jianhu.alert.handling;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.EventStreamClient;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.levelChanged;
import static org.jianhu.alert.support.SignalFeed.raised;
import static org.jianhu.alert.support.SignalFeed.restated;

/** A restated signal moves who may read and handle its alert to the project's supervisors now, and is no step. */
class ReassignedSupervisorsIT extends AlertIT {

    @LocalServerPort
    int port;

    @Test
    void aNewlyNamedSupervisorMayReadAndHandleTheAlertAndARemovedOneOutsideTheRegionMayNot() throws Exception {
        UUID signal = UUID.randomUUID();
        HttpHeaders wang = as("sup-wang", "supervisor", null, "Beilun");
        HttpHeaders li = as("sup-li", "supervisor", null, "Jiangbei");
        feed.publish(about(raised(signal, "p-rota", "RED"), "Haishu", "sup-li"));
        UUID alert = awaitAlertOf(signal);
        assertThat(read(alert, wang).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> bothNamed = about(restated(signal, "p-rota", "RED"), "Haishu", "sup-li", "sup-wang");
        feed.publish(bothNamed);
        await().atMost(Duration.ofSeconds(20)).until(() -> supervisors(alert).equals("[\"sup-li\", \"sup-wang\"]"));

        assertThat(read(alert, wang).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT level || ' ' || status FROM alert WHERE id = ?", String.class, alert))
                .isEqualTo("RED raised");
        assertThat(post(alert, "assignment", wang, Map.of("organisation", "transport-bureau",
                "deadline", "2026-03-15")).getStatusCode()).isEqualTo(HttpStatus.OK);

        feed.publish(about(restated(signal, "p-rota", "RED"), "Haishu", "sup-wang"));
        await().atMost(Duration.ofSeconds(20)).until(() -> supervisors(alert).equals("[\"sup-wang\"]"));
        assertThat(read(alert, li).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(alert, "dismissal", li, Map.of("justification", "no longer mine")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(read(alert, as("sup-li", "supervisor", null, "Haishu")).getStatusCode()).isEqualTo(HttpStatus.OK);

        // the same change delivered again changes nothing
        feed.publish(bothNamed);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> supervisors(alert).equals("[\"sup-wang\"]"));
        assertThat(jdbc.queryForList("SELECT step FROM alert_event WHERE alert_id = ? ORDER BY position", String.class,
                alert)).containsExactly("raised", "assigned");
    }

    @Test
    void theNewSupervisorsStreamCarriesTheAlertsLaterSteps() throws Exception {
        UUID signal = UUID.randomUUID();
        try (EventStreamClient stream = EventStreamClient.open(URI.create("http://localhost:" + port
                + "/api/alerts/stream"), null, TestIdentity.headers("sup-wang", "supervisor", null, "Beilun"))) {
            feed.publish(about(raised(signal, "p-rota-stream", "YELLOW"), "Haishu", "sup-li"));
            UUID alert = awaitAlertOf(signal);
            feed.publish(about(restated(signal, "p-rota-stream", "YELLOW"), "Haishu", "sup-li", "sup-wang"));
            await().atMost(Duration.ofSeconds(20)).until(() -> supervisors(alert).contains("sup-wang"));
            feed.publish(about(levelChanged(signal, "p-rota-stream", "RED", "YELLOW"), "Haishu", "sup-li", "sup-wang"));

            await().atMost(Duration.ofSeconds(20)).until(() -> stream.events().stream()
                    .anyMatch(event -> event.name().equals("signalLevelChanged")));
            EventStreamClient.Event later = stream.events().stream()
                    .filter(event -> event.name().equals("signalLevelChanged")).findFirst().orElseThrow();
            assertThat(json.readTree(later.data()).get("alertId").asText()).isEqualTo(alert.toString());
        }
    }

    private String supervisors(UUID alert) {
        return String.valueOf(jdbc.queryForObject("SELECT supervisors::text FROM alert WHERE id = ?", String.class, alert));
    }

    private ResponseEntity<JsonNode> read(UUID alert, HttpHeaders reader) {
        return http.exchange("/api/alerts/" + alert, HttpMethod.GET, new HttpEntity<>(reader), JsonNode.class);
    }
}
