package org.jianhu.supervision.rule;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** An administrator's new thresholds are a new version, in force at once on every project. */
class ThresholdChangeIT extends SupervisionIT {

    @Test
    void loweringARedThresholdEscalatesOpenSignalsAtOnce() throws Exception {
        feed.publish(feed.envelope(1000, 0, registered("p-a", "Haishu")),
                feed.envelope(1000, 1, payment("p-a", "t-1", "700000.00")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "YELLOW".equals(level("p-a")));

        ResponseEntity<String> changed = put("T01", "{\"red\": 600000}", admin());

        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
        JsonNode answer = json.readTree(changed.getBody());
        assertThat(answer.get("thresholdsVersion").asInt()).isEqualTo(1);
        assertThat(answer.get("reassessedProjects").asInt()).isEqualTo(1);
        assertThat(level("p-a")).isEqualTo("RED");
        assertThat(jdbc.queryForList("SELECT change_type FROM signal_outbox WHERE project_id = 'p-a' ORDER BY position",
                String.class)).containsExactly("raised", "levelChanged");
        JsonNode rule = get("/api/risk/rules", signed("owner-wang", "owner", "transport-bureau", null)).get(0);
        assertThat(rule.get("thresholdsVersion").asInt()).isEqualTo(1);
        assertThat(rule.get("thresholds").get("red").decimalValue()).isEqualByComparingTo("600000");
        assertThat(jdbc.queryForObject("SELECT changed_by FROM rule_threshold WHERE rule_id = 'T01'", String.class))
                .isEqualTo("admin-chen");
    }

    @Test
    void onlyAnAdministratorChangesKnownRulesToSensibleValues() {
        assertProblem(put("T01", "{\"red\": 1}", new HttpHeaders()), 401, "unauthenticated");
        assertProblem(put("T01", "{\"red\": 1}", claimed("admin-chen", "admin")), 401, "unauthenticated");
        assertProblem(put("T01", "{\"red\": 1}", forgedAdmin()), 401, "unauthenticated");
        for (HttpHeaders notAdmin : List.of(signed("owner-wang", "owner", "transport-bureau", "Haishu"),
                signed("sup-li", "supervisor", null, "Haishu"), auditor())) {
            assertProblem(put("T01", "{\"red\": 1}", notAdmin), 403, "forbidden");
        }
        assertProblem(put("R99", "{\"red\": 1}", admin()), 404, "not-found");
        assertProblem(put("T01", "{\"red\": -1}", admin()), 400, "invalid-request");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rule_threshold WHERE thresholds ->> 'red' IN ('1', '-1')",
                Long.class)).isZero();
    }

    @Test
    void aThresholdBeyondAnySensibleRangeOrAYellowNoMilderThanRedIsRefusedNamingIt() throws Exception {
        ResponseEntity<String> huge = put("T01", "{\"red\": 1e400}", admin());
        assertProblem(huge, 400, "invalid-request");
        assertThat(json.readTree(huge.getBody()).at("/errors/0/field").asText()).isEqualTo("red");
        assertThat(json.readTree(huge.getBody()).get("detail").asText()).isEqualTo(
                "red must be a number from 0 to 1000000000000000 with at most 2 decimals, not 1E+400");

        ResponseEntity<String> yellowAboveRed = put("R15", "{\"yellowCount\": 6}", admin());
        assertProblem(yellowAboveRed, 400, "invalid-request");
        assertThat(json.readTree(yellowAboveRed.getBody()).at("/errors/0/field").asText()).isEqualTo("yellowCount");
        assertThat(json.readTree(yellowAboveRed.getBody()).get("detail").asText())
                .isEqualTo("yellowCount must be less than redCount (5), not 6: yellow is the milder warning");

        assertProblem(put("R15", "{\"windowDays\": 4000}", admin()), 400, "invalid-request");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rule_threshold", Long.class)).isZero();
    }

    @Test
    void everyRoleReadsTheRules() throws Exception {
        for (HttpHeaders caller : List.of(signed("owner-wang", "owner", "transport-bureau", null),
                signed("sup-li", "supervisor", null, "Haishu"), auditor(), admin())) {
            assertThat(get("/api/risk/rules", caller).findValuesAsText("id")).containsExactly("T01", "R15");
        }
        assertProblem(call(HttpMethod.GET, "/api/risk/rules", null, claimed("admin-chen", "admin")), 401,
                "unauthenticated");
    }

    /** What anyone reaching the service directly can write: identity headers without the gateway's signature. */
    private static HttpHeaders claimed(String user, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Jianhu-User", user);
        headers.set("X-Jianhu-Role", role);
        return headers;
    }

    /** An owner's signed headers with the role turned into admin: the signature no longer matches. */
    private static HttpHeaders forgedAdmin() {
        HttpHeaders headers = signed("owner-wang", "owner", "transport-bureau", null);
        headers.set("X-Jianhu-Role", "admin");
        return headers;
    }

    private ResponseEntity<String> put(String ruleId, String body, HttpHeaders caller) {
        return call(HttpMethod.PUT, "/api/risk/rules/" + ruleId, body, caller);
    }
}
