package org.jianhu.alert.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.cleared;
import static org.jianhu.alert.support.SignalFeed.raised;

/** 预警 → 交办 → 整改 → 核验 → 销号 over HTTP, each step on the timeline, every refusal problem+json. */
@AutoConfigureObservability
class AlertApiIT extends AlertIT {

    static final Map<String, String> SUPERVISOR = Map.of("X-Jianhu-User", "sup-li", "X-Jianhu-Role", "supervisor");
    static final Map<String, String> OWNER = Map.of("X-Jianhu-User", "owner-wang", "X-Jianhu-Role", "owner",
            "X-Jianhu-Organisation", "transport-bureau");

    @Test
    void anAlertGoesFromRaisedToClosedLeavingATraceOfWhoDidWhatAndWhen() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(raised(signal, "p-loop", "RED"));
        UUID alert = awaitAlertOf(signal);

        assertThat(post(alert, "assignment", SUPERVISOR, Map.of("organisation", "transport-bureau",
                "deadline", "2026-03-15", "comment", "stop paying ahead")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(alert, "rectification", OWNER, Map.of("comment", "payments held")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> notYetGreen = post(alert, "verification", SUPERVISOR, Map.of("accepted", true));
        assertThat(notYetGreen.getBody().get("level").asText()).isEqualTo("RED");

        feed.publish(cleared(signal, "p-loop", "RED"));
        await().until(() -> steps(alert) == 5);
        ResponseEntity<JsonNode> closed = post(alert, "closure", SUPERVISOR, Map.of("comment", "done"));

        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode details = http.getForObject("/api/alerts/" + alert, JsonNode.class);
        assertThat(details.get("status").asText()).isEqualTo("closed");
        assertThat(details.get("assigneeOrganisation").asText()).isEqualTo("transport-bureau");
        List<String> timeline = new ArrayList<>();
        details.get("timeline").forEach(step -> timeline.add(step.get("step").asText() + " " + step.get("actor").asText()
                + " " + step.get("role").asText() + " " + step.get("level").asText()));
        assertThat(timeline).containsExactly("raised supervision-service system RED", "assigned sup-li supervisor RED",
                "rectificationReported owner-wang owner RED", "verified sup-li supervisor RED",
                "signalCleared supervision-service system RED", "closed sup-li supervisor RED");
        assertThat(details.get("timeline").get(1).get("occurredAt").asText()).isEqualTo(START.toString());
    }

    @Test
    void aVerificationAfterTheSignalClearedTurnsTheAlertGreen() throws Exception {
        UUID alert = assignedAlert("p-green");
        feed.publish(cleared(jdbc.queryForObject("SELECT signal_id FROM alert WHERE id = ?", UUID.class, alert),
                "p-green", "RED"));
        await().until(() -> steps(alert) == 3);
        assertThat(http.getForObject("/api/alerts/" + alert, JsonNode.class).get("level").asText()).isEqualTo("RED");

        post(alert, "rectification", OWNER, Map.of("comment", "payments held"));
        ResponseEntity<JsonNode> verified = post(alert, "verification", SUPERVISOR, Map.of("accepted", true));

        assertThat(verified.getBody().get("level").asText()).isEqualTo("GREEN");
        assertThat(verified.getBody().get("status").asText()).isEqualTo("verified");
    }

    @Test
    void aStepOutOfTurnIsRefusedWith409AndChangesNothing() throws Exception {
        UUID alert = assignedAlert("p-turn");

        ResponseEntity<JsonNode> refused = post(alert, "closure", SUPERVISOR, Map.of());

        assertProblem(refused, HttpStatus.CONFLICT, "urn:jianhu:problem:illegal-transition");
        assertThat(steps(alert)).isEqualTo(2);
    }

    @Test
    void aWriteWithoutAnActorIs401AndOneByTheWrongRoleOrOrganisation403() throws Exception {
        UUID alert = assignedAlert("p-who");

        assertProblem(post(alert, "rectification", Map.of(), Map.of("comment", "done")), HttpStatus.UNAUTHORIZED,
                "urn:jianhu:problem:unidentified");
        assertProblem(post(alert, "rectification", Map.of("X-Jianhu-User", "owner-zhao", "X-Jianhu-Role", "owner",
                        "X-Jianhu-Organisation", "water-bureau"), Map.of("comment", "done")), HttpStatus.FORBIDDEN,
                "urn:jianhu:problem:forbidden");
        assertProblem(post(alert, "dismissal", Map.of("X-Jianhu-User", "aud-sun", "X-Jianhu-Role", "auditor"),
                Map.of("justification", "no")), HttpStatus.FORBIDDEN, "urn:jianhu:problem:forbidden");
        assertThat(steps(alert)).isEqualTo(2);
    }

    @Test
    void aDismissalWithoutJustificationIs400AndWithOneEndsTheAlert() throws Exception {
        UUID alert = assignedAlert("p-dismiss");

        ResponseEntity<JsonNode> missing = post(alert, "dismissal", SUPERVISOR, Map.of("justification", " "));
        assertProblem(missing, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
        assertThat(missing.getBody().get("errors").get(0).get("field").asText()).isEqualTo("justification");

        ResponseEntity<JsonNode> dismissed = post(alert, "dismissal", SUPERVISOR,
                Map.of("justification", "the change order was approved in advance"));
        assertThat(dismissed.getBody().get("status").asText()).isEqualTo("dismissed");
        JsonNode last = dismissed.getBody().get("timeline").get(2);
        assertThat(last.get("step").asText()).isEqualTo("dismissed");
        assertThat(last.get("comment").asText()).isEqualTo("the change order was approved in advance");
    }

    @Test
    void theListFiltersByStatusLevelAndProject() throws Exception {
        UUID assigned = assignedAlert("p-list-a");
        UUID signal = UUID.randomUUID();
        feed.publish(raised(signal, "p-list-b", "YELLOW"));
        UUID yellow = awaitAlertOf(signal);

        assertThat(ids("/api/alerts?project=p-list-a")).containsExactly(assigned.toString());
        assertThat(ids("/api/alerts?level=yellow&project=p-list-b")).containsExactly(yellow.toString());
        assertThat(ids("/api/alerts?status=assigned")).contains(assigned.toString()).doesNotContain(yellow.toString());
        assertProblem(http.getForEntity("/api/alerts?status=sleeping", JsonNode.class), HttpStatus.BAD_REQUEST,
                "urn:jianhu:problem:invalid-request");
    }

    @Test
    void anUnknownAlertIs404() {
        assertProblem(http.getForEntity("/api/alerts/" + UUID.randomUUID(), JsonNode.class), HttpStatus.NOT_FOUND,
                "urn:jianhu:problem:not-found");
    }

    @Test
    void theServiceReportsItsHealthMetricsAndAnswersWithTheCorrelationId() {
        assertThat(http.getForObject("/actuator/health/liveness", String.class)).contains("\"UP\"");
        assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("\"UP\"").contains("db");
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("jvm_memory_used_bytes");

        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "corr-42");
        assertThat(http.exchange("/api/alerts", HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getHeaders().getFirst("X-Correlation-Id")).isEqualTo("corr-42");
    }

    private UUID assignedAlert(String projectId) throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(raised(signal, projectId, "RED"));
        UUID alert = awaitAlertOf(signal);
        assertThat(post(alert, "assignment", SUPERVISOR, Map.of("organisation", "transport-bureau",
                "deadline", "2026-03-15")).getStatusCode()).isEqualTo(HttpStatus.OK);
        return alert;
    }

    private ResponseEntity<JsonNode> post(UUID alert, String step, Map<String, String> actor, Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        actor.forEach(headers::set);
        return http.postForEntity("/api/alerts/" + alert + "/" + step, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private List<String> ids(String uri) {
        List<String> ids = new ArrayList<>();
        http.getForObject(uri, JsonNode.class).forEach(alert -> ids.add(alert.get("id").asText()));
        return ids;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asText()).isEqualTo(type);
    }
}
