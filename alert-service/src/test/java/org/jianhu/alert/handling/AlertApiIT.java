package org.jianhu.alert.handling;

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

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.cleared;
import static org.jianhu.alert.support.SignalFeed.raised;

/** 预警 → 交办 → 整改 → 核验 → 销号 over HTTP, each step on the timeline, every refusal problem+json. */
@AutoConfigureObservability
class AlertApiIT extends AlertIT {


    @Test
    void anAlertGoesFromRaisedToClosedLeavingATraceOfWhoDidWhatAndWhen() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(project(raised(signal, "p-loop", "RED")));
        UUID alert = awaitAlertOf(signal);

        assertThat(post(alert, "assignment", supervisor(), Map.of("organisation", "transport-bureau",
                "deadline", "2026-03-15", "comment", "stop paying ahead")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(alert, "rectification", owner(), Map.of("comment", "payments held")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> notYetGreen = post(alert, "verification", supervisor(), Map.of("accepted", true));
        assertThat(notYetGreen.getBody().get("level").asText()).isEqualTo("RED");

        feed.publish(project(cleared(signal, "p-loop", "RED")));
        await().until(() -> steps(alert) == 5);
        ResponseEntity<JsonNode> closed = post(alert, "closure", supervisor(), Map.of("comment", "done"));

        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode details = read("/api/alerts/" + alert).getBody();
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
        feed.publish(project(cleared(jdbc.queryForObject("SELECT signal_id FROM alert WHERE id = ?", UUID.class, alert),
                "p-green", "RED")));
        await().until(() -> steps(alert) == 3);
        assertThat(read("/api/alerts/" + alert).getBody().get("level").asText()).isEqualTo("RED");

        post(alert, "rectification", owner(), Map.of("comment", "payments held"));
        ResponseEntity<JsonNode> verified = post(alert, "verification", supervisor(), Map.of("accepted", true));

        assertThat(verified.getBody().get("level").asText()).isEqualTo("GREEN");
        assertThat(verified.getBody().get("status").asText()).isEqualTo("verified");
    }

    @Test
    void aStepOutOfTurnIsRefusedWith409AndChangesNothing() throws Exception {
        UUID alert = assignedAlert("p-turn");

        ResponseEntity<JsonNode> refused = post(alert, "closure", supervisor(), Map.of());

        assertProblem(refused, HttpStatus.CONFLICT, "urn:jianhu:problem:illegal-transition");
        assertThat(steps(alert)).isEqualTo(2);
    }

    @Test
    void aRequestWithoutAnIdentityTheGatewaySignedIs401AndChangesNothing() throws Exception {
        UUID alert = assignedAlert("p-who");
        HttpHeaders bare = new HttpHeaders();
        bare.setContentType(MediaType.APPLICATION_JSON);
        bare.set("X-Jianhu-User", "owner-wang");
        bare.set("X-Jianhu-Role", "owner");
        bare.set("X-Jianhu-Organisation", "transport-bureau");
        HttpHeaders forged = as("owner-wang", "owner", "transport-bureau", null);
        forged.set("X-Jianhu-Role", "admin");

        for (HttpHeaders unsigned : List.of(new HttpHeaders(), bare, forged)) {
            assertProblem(post(alert, "rectification", unsigned, Map.of("comment", "done")), HttpStatus.UNAUTHORIZED,
                    "urn:jianhu:problem:unauthenticated");
            assertProblem(http.exchange("/api/alerts/" + alert, HttpMethod.GET, new HttpEntity<>(unsigned),
                    JsonNode.class), HttpStatus.UNAUTHORIZED, "urn:jianhu:problem:unauthenticated");
            assertProblem(http.exchange("/api/alerts", HttpMethod.GET, new HttpEntity<>(unsigned), JsonNode.class),
                    HttpStatus.UNAUTHORIZED, "urn:jianhu:problem:unauthenticated");
        }
        assertThat(steps(alert)).isEqualTo(2);
    }

    @Test
    void aSignedRoleThatIsNoneOfOursMayDoNothing() throws Exception {
        UUID alert = assignedAlert("p-gardener");

        assertProblem(http.exchange("/api/alerts/" + alert, HttpMethod.GET,
                new HttpEntity<>(as("gardener-li", "gardener", null, "Haishu")), JsonNode.class),
                HttpStatus.FORBIDDEN, "urn:jianhu:problem:forbidden");
    }

    @Test
    void aDismissalWithoutJustificationIs400AndWithOneEndsTheAlert() throws Exception {
        UUID alert = assignedAlert("p-dismiss");

        ResponseEntity<JsonNode> missing = post(alert, "dismissal", supervisor(), Map.of("justification", " "));
        assertProblem(missing, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
        assertThat(missing.getBody().get("errors").get(0).get("field").asText()).isEqualTo("justification");

        ResponseEntity<JsonNode> dismissed = post(alert, "dismissal", supervisor(),
                Map.of("justification", "the change order was approved in advance"));
        assertThat(dismissed.getBody().get("status").asText()).isEqualTo("dismissed");
        JsonNode last = dismissed.getBody().get("timeline").get(2);
        assertThat(last.get("step").asText()).isEqualTo("dismissed");
        assertThat(last.get("comment").asText()).isEqualTo("the change order was approved in advance");
    }

    @Test
    void aDeadlineIsFromTodayToTwoYearsAheadAndEveryFieldIsCheckedByTheInputPolicy() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(project(raised(signal, "p-policy", "RED")));
        UUID alert = awaitAlertOf(signal);
        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("deadline must be today (2026-03-01) or later, not 2026-02-28",
                Map.of("organisation", "transport-bureau", "deadline", "2026-02-28"));
        refused.put("deadline must be within two years (2028-03-01 at the latest), not 2028-03-02",
                Map.of("organisation", "transport-bureau", "deadline", "2028-03-02"));
        refused.put("deadline must be between 1990-01-01 and 2100-12-31, not 9999-12-31",
                Map.of("organisation", "transport-bureau", "deadline", "9999-12-31"));
        refused.put("organisation must not contain control characters; found U+000A at position 10",
                Map.of("organisation", "transport\nbureau", "deadline", "2026-03-15"));
        refused.put("comment must be at most 4000 characters, not 4001",
                Map.of("organisation", "transport-bureau", "deadline", "2026-03-15", "comment", "x".repeat(4001)));

        refused.forEach((detail, body) -> {
            ResponseEntity<JsonNode> answer = post(alert, "assignment", supervisor(), body);
            assertProblem(answer, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
            assertThat(answer.getBody().get("detail").asText()).isEqualTo(detail);
            assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo(detail.substring(0, detail.indexOf(' ')));
        });
        assertThat(post(alert, "dismissal", supervisor(), Map.of("justification", "y".repeat(4001)))
                .getBody().at("/errors/0/field").asText()).isEqualTo("justification");
        assertThat(steps(alert)).isOne();
        assertThat(post(alert, "assignment", supervisor(), Map.of("organisation", "transport-bureau",
                "deadline", "2028-03-01")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aQueryParameterThatIsNoPrintableTextIsRefusedNamingIt() {
        ResponseEntity<JsonNode> refused = http.exchange(URI.create(http.getRootUri() + "/api/alerts?project=%00"),
                HttpMethod.GET, new HttpEntity<>(auditor()), JsonNode.class);

        assertProblem(refused, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("project");
    }

    @Test
    void theListFiltersByStatusLevelAndProject() throws Exception {
        UUID assigned = assignedAlert("p-list-a");
        UUID signal = UUID.randomUUID();
        feed.publish(project(raised(signal, "p-list-b", "YELLOW")));
        UUID yellow = awaitAlertOf(signal);

        assertThat(ids("/api/alerts?project=p-list-a")).containsExactly(assigned.toString());
        assertThat(ids("/api/alerts?level=yellow&project=p-list-b")).containsExactly(yellow.toString());
        assertThat(ids("/api/alerts?status=assigned")).contains(assigned.toString()).doesNotContain(yellow.toString());
        assertProblem(read("/api/alerts?status=sleeping"), HttpStatus.BAD_REQUEST,
                "urn:jianhu:problem:invalid-request");
    }

    @Test
    void anUnknownAlertIs404() {
        assertProblem(read("/api/alerts/" + UUID.randomUUID()), HttpStatus.NOT_FOUND,
                "urn:jianhu:problem:not-found");
    }

    @Test
    void theServiceReportsItsHealthMetricsAndAnswersWithTheCorrelationId() {
        assertThat(actuator("/actuator/health/liveness")).contains("\"UP\"");
        assertThat(actuator("/actuator/health/readiness")).contains("\"UP\"").contains("db");
        assertThat(actuator("/actuator/prometheus")).contains("jvm_memory_used_bytes");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value())
                .as("the service port publishes no health details").isEqualTo(404);

        HttpHeaders headers = auditor();
        headers.set("X-Correlation-Id", "corr-42");
        assertThat(http.exchange("/api/alerts", HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getHeaders().getFirst("X-Correlation-Id")).isEqualTo("corr-42");
    }

    private UUID assignedAlert(String projectId) throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(project(raised(signal, projectId, "RED")));
        UUID alert = awaitAlertOf(signal);
        assertThat(post(alert, "assignment", supervisor(), Map.of("organisation", "transport-bureau",
                "deadline", "2026-03-15")).getStatusCode()).isEqualTo(HttpStatus.OK);
        return alert;
    }

    /** Signed when asked for: a signature is good for five minutes only. */
    private static HttpHeaders supervisor() {
        return as("sup-li", "supervisor", null, "Haishu");
    }

    private static HttpHeaders owner() {
        return as("owner-wang", "owner", "transport-bureau", null);
    }

    /** A project in Haishu, of transport-bureau, supervised by sup-li. */
    private static Map<String, Object> project(Map<String, Object> change) {
        return about(change, "Haishu", "sup-li");
    }

    private ResponseEntity<JsonNode> read(String uri) {
        return http.exchange(uri, HttpMethod.GET, new HttpEntity<>(auditor()), JsonNode.class);
    }

    private List<String> ids(String uri) {
        List<String> ids = new ArrayList<>();
        read(uri).getBody().get("items").forEach(alert -> ids.add(alert.get("id").asText()));
        return ids;
    }
}
