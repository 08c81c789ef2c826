package org.jianhu.supervision.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.support.HistoryStub;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/**
 * A project's risk as it stood at an instant, from its history and the thresholds then in force.
 * Events are recorded at 2026-03-01T02:00:00Z + their sequence number in seconds.
 */
class RiskAsOfIT extends SupervisionIT {

    private static final HistoryStub projectService = new HistoryStub();

    @DynamicPropertySource
    static void historyFromTheStub(DynamicPropertyRegistry registry) {
        registry.add("jianhu.project-service.url", projectService::url);
    }

    @AfterAll
    static void stopStub() {
        projectService.close();
    }

    @BeforeEach
    void aProjectPaidTwice() {
        EventEnvelope[] history = {feed.envelope(1000, 0, registered("p-past", "Haishu")),
                feed.envelope(1000, 1, payment("p-past", "t-1", "700000.00")),
                feed.envelope(1000, 2, payment("p-past", "t-2", "600000.00"))};
        projectService.holds("p-past", history);
        jdbc.update("DELETE FROM rule_threshold");
    }

    @Test
    void theRiskThenFoldsOnlyTheEventsRecordedByThen() throws Exception {
        JsonNode then = get("/api/risk/projects/p-past?asOf=2026-03-01T02:00:01Z");

        assertThat(then.get("appliedThroughSequence").asLong()).isEqualTo(1);
        assertThat(then.get("facts").get("applied").toString()).isEqualTo("[1000,1001]");
        assertThat(then.get("level").asText()).isEqualTo("YELLOW");
        assertThat(then.get("businessDate").asText()).as("recorded a second apart: a history being entered, judged "
                + "as of the date it had reached").isEqualTo("2026-02-01");
        JsonNode condition = then.get("conditions").get(0);
        assertThat(condition.get("ruleId").asText()).isEqualTo("T01");
        assertThat(condition.get("numbers").get("paid").decimalValue()).isEqualByComparingTo("700000.00");
        assertThat(condition.get("evidence").toString()).isEqualTo("[1000,1001]");
        assertThat(then.get("plannedVersusActual").get("cumulativePayments")).hasSize(1);

        JsonNode quiet = get("/api/risk/projects/p-past?asOf=2026-03-01T03:00:00Z");
        assertThat(quiet.get("level").asText()).isEqualTo("RED");
        assertThat(quiet.get("businessDate").asText()).as("quiet for the gap: judged as of the day").isEqualTo("2026-03-01");
    }

    @Test
    void theRiskThenIsJudgedWithTheThresholdsInForceThen() throws Exception {
        thresholds(1, "{\"yellow\": 800000}", "2026-02-01T00:00:00Z");
        thresholds(2, "{\"yellow\": 650000}", "2026-03-01T02:00:01.500Z");

        assertThat(get("/api/risk/projects/p-past?asOf=2026-03-01T02:00:01Z").get("level").asText())
                .isEqualTo("GREEN");
        assertThat(get("/api/risk/projects/p-past?asOf=2026-03-01T02:00:01.700Z").get("level").asText())
                .isEqualTo("YELLOW");
    }

    @Test
    void beforeItsFirstEventTheProjectDidNotExist() {
        ResponseEntity<String> before = call(HttpMethod.GET, "/api/risk/projects/p-past?asOf=2026-03-01T01:59:59Z",
                null, auditor());
        assertThat(before.getStatusCode().value()).isEqualTo(404);
        assertThat(before.getBody()).contains("urn:jianhu:problem:not-found");
        assertThat(call(HttpMethod.GET, "/api/risk/projects/p-never?asOf=2026-03-01T03:00:00Z", null, auditor())
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aProjectNotConsumedYetIsReadWithinItsScopeThen() throws Exception {
        String then = "/api/risk/projects/p-past?asOf=2026-03-01T03:00:00Z";
        assertProblem(call(HttpMethod.GET, then, null, signed("owner-zhou", "owner", "water-bureau", "Haishu")), 403,
                "forbidden");
        assertProblem(call(HttpMethod.GET, then, null, signed("sup-he", "supervisor", null, "Beilun")), 403,
                "forbidden");
        assertThat(get(then, signed("owner-wang", "owner", "transport-bureau", null)).get("level").asText())
                .isEqualTo("RED");
        assertThat(get(then, signed("sup-li", "supervisor", null, "Beilun")).get("level").asText()).isEqualTo("RED");
        assertThat(get(then, signed("sup-he", "supervisor", null, "Haishu")).get("level").asText()).isEqualTo("RED");
    }

    @Test
    void anUnreadableInstantIsAProblem() {
        ResponseEntity<String> answer = call(HttpMethod.GET, "/api/risk/projects/p-past?asOf=yesterday", null,
                auditor());
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody()).contains("urn:jianhu:problem:invalid-request");
    }

    private void thresholds(int version, String values, String changedAt) {
        jdbc.update("INSERT INTO rule_threshold (rule_id, version, thresholds, changed_by, changed_at) "
                        + "VALUES ('T01', ?, CAST(? AS jsonb), 'admin-chen', ?)", version, values,
                Timestamp.from(Instant.parse(changedAt)));
    }
}
