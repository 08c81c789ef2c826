package org.jianhu.supervision.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

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

        ResponseEntity<String> changed = put("T01", "{\"red\": \"600000\"}", "admin-chen", "admin");

        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
        JsonNode answer = json.readTree(changed.getBody());
        assertThat(answer.get("thresholdsVersion").asInt()).isEqualTo(1);
        assertThat(answer.get("reassessedProjects").asInt()).isEqualTo(1);
        assertThat(level("p-a")).isEqualTo("RED");
        assertThat(jdbc.queryForList("SELECT change_type FROM signal_outbox WHERE project_id = 'p-a' ORDER BY position",
                String.class)).containsExactly("raised", "levelChanged");
        JsonNode rule = json.readTree(http.getForObject("/api/risk/rules", String.class)).get(0);
        assertThat(rule.get("thresholdsVersion").asInt()).isEqualTo(1);
        assertThat(rule.get("thresholds").get("red").decimalValue()).isEqualByComparingTo("600000");
        assertThat(jdbc.queryForObject("SELECT changed_by FROM rule_threshold WHERE rule_id = 'T01'", String.class))
                .isEqualTo("admin-chen");
    }

    @Test
    void onlyAnAdministratorChangesKnownRulesToSensibleValues() {
        assertProblem(put("T01", "{\"red\": \"1\"}", null, null), 401, "unidentified");
        assertProblem(put("T01", "{\"red\": \"1\"}", "owner-wang", "owner"), 403, "forbidden");
        assertProblem(put("R99", "{\"red\": \"1\"}", "admin-chen", "admin"), 404, "not-found");
        assertProblem(put("T01", "{\"red\": \"-1\"}", "admin-chen", "admin"), 400, "invalid-request");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rule_threshold WHERE thresholds ->> 'red' IN ('1', '-1')",
                Long.class)).isZero();
    }

    private void assertProblem(ResponseEntity<String> answer, int status, String type) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).contains("urn:jianhu:problem:" + type);
    }

    private ResponseEntity<String> put(String ruleId, String body, String user, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.set("X-Jianhu-User", user);
            headers.set("X-Jianhu-Role", role);
        }
        return http.exchange("/api/risk/rules/" + ruleId, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }
}
