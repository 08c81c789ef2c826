package org.jianhu.supervision.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.supervision.support.ProjectEventsFeed;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** Supervisors read the register by risk, a project's facts and open signals, signals and the rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskApiIT extends SupervisionIT {

    @BeforeAll
    void threeProjects() throws Exception {
        ProjectEventsFeed feed = new ProjectEventsFeed(json, amqpPrefix);
        feed.publish(feed.envelope(1000, 0, registered("p-red", "Haishu")),
                feed.envelope(1000, 1, payment("p-red", "t-1", "1500000.00")),
                feed.envelope(2000, 0, registered("p-yellow", "Haishu")),
                feed.envelope(2000, 1, payment("p-yellow", "t-1", "700000.00")),
                feed.envelope(3000, 0, registered("p-green", "Yinzhou")),
                feed.envelope(3000, 1, new ContractAwarded("p-green", "c-1", "supervision", "open", 4, null,
                        null, org.jianhu.contracts.common.OrganisationReference.named("watcher-sun"), Money.cny("800000.00"), null,
                        java.time.LocalDate.parse("2026-03-01"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM risk_project WHERE next_sequence > 0 AND level <> 'GREEN'", Long.class) == 2
                && jdbc.queryForObject("SELECT count(*) FROM risk_project WHERE next_sequence = 2", Long.class) == 3);
    }

    @Test
    void theRegisterListsProjectsByCodeWithTheRulesOfTheirOpenSignalsAndFilters() throws Exception {
        JsonNode all = items("/api/risk/projects");
        assertThat(all.findValuesAsText("projectId")).containsExactly("p-green", "p-red", "p-yellow");
        JsonNode red = all.get(1);
        assertThat(red.get("level").asText()).isEqualTo("RED");
        assertThat(red.get("score").asInt()).isEqualTo(10);
        assertThat(red.get("stage").asText()).isEqualTo("identification");
        assertThat(red.get("openRules")).extracting(JsonNode::asText).containsExactly("T01");
        assertThat(all.get(0).get("openRules")).isEmpty();

        assertThat(items("/api/risk/projects?region=Haishu&level=yellow").findValuesAsText("projectId"))
                .containsExactly("p-yellow");
        assertThat(items("/api/risk/projects?stage=implementation")).isEmpty();
        assertThat(items("/api/risk/projects?rule=T01").findValuesAsText("projectId")).containsExactly("p-red",
                "p-yellow");
        assertThat(items("/api/risk/projects?rule=T01&region=Yinzhou")).isEmpty();
        assertThat(items("/api/risk/projects?text=c-P-RE").findValuesAsText("projectId")).containsExactly("p-red");
        assertThat(items("/api/risk/projects?text=bridge p-").findValuesAsText("projectId"))
                .containsExactly("p-green", "p-red", "p-yellow");
        assertThat(items("/api/risk/projects?text=%")).as("a % is only a character").isEmpty();
    }

    @Test
    void aProjectShowsItsFactsAndOpenSignalsWithEvidence() throws Exception {
        JsonNode detail = get("/api/risk/projects/p-red");
        assertThat(detail.get("project").get("facts").get("applied").size()).isEqualTo(2);
        JsonNode signal = detail.get("openSignals").get(0);
        assertThat(signal.get("ruleId").asText()).isEqualTo("T01");
        assertThat(signal.get("level").asText()).isEqualTo("RED");
        assertThat(signal.get("evidence").toString()).isEqualTo("[1000,1001]");
        assertThat(signal.get("numbers").get("paid").decimalValue()).isEqualByComparingTo("1500000.00");
    }

    @Test
    void thePortfolioCountsAndSumsProjectsByRegionStageAndLevel() throws Exception {
        JsonNode portfolio = get("/api/risk/portfolio");
        assertGroup(portfolio.get("all"), null, 3, "360000000.00", "800000.00", "2200000.00");
        JsonNode byRegion = portfolio.get("byRegion");
        assertThat(byRegion.findValuesAsText("key")).containsExactly("Haishu", "Yinzhou");
        assertGroup(byRegion.get(0), "Haishu", 2, "240000000.00", "0", "2200000.00");
        assertGroup(byRegion.get(1), "Yinzhou", 1, "120000000.00", "800000.00", "0");
        assertThat(portfolio.get("byStage").findValuesAsText("key")).containsExactly("identification");
        assertThat(portfolio.get("byLevel").findValuesAsText("key")).containsExactly("GREEN", "RED", "YELLOW");
        assertGroup(portfolio.get("byLevel").get(1), "RED", 1, "120000000.00", "0", "1500000.00");
        assertThat(portfolio.get("coloursByRegion").toString()).isEqualTo("[{\"region\":\"Haishu\",\"counts\":"
                + "{\"RED\":1,\"YELLOW\":1,\"GREEN\":0}},{\"region\":\"Yinzhou\",\"counts\":{\"RED\":0,"
                + "\"YELLOW\":0,\"GREEN\":1}}]");
    }

    @Test
    void thePortfolioNarrowsToOneRegion() throws Exception {
        JsonNode portfolio = get("/api/risk/portfolio?region=Yinzhou");
        assertThat(portfolio.get("region").asText()).isEqualTo("Yinzhou");
        assertGroup(portfolio.get("all"), null, 1, "120000000.00", "800000.00", "0");
        assertThat(portfolio.get("byLevel").findValuesAsText("key")).containsExactly("GREEN");
        assertThat(portfolio.get("coloursByRegion").findValuesAsText("region")).containsExactly("Yinzhou");
        assertThat(get("/api/risk/portfolio?region=Nowhere").get("all").get("projects").asLong()).isZero();

        ResponseEntity<String> blank = call(HttpMethod.GET, "/api/risk/portfolio?region=", null, auditor());
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(blank.getBody()).contains("urn:jianhu:problem:invalid-request");
    }

    @Test
    void aProjectShowsPaymentsAgainstThePlannedLine() throws Exception {
        JsonNode series = get("/api/risk/projects/p-red").get("plannedVersusActual");
        assertThat(series.get("physicalProgress")).isEmpty();
        JsonNode paid = series.get("cumulativePayments").get(0);
        assertThat(paid.get("date").asText()).isEqualTo("2026-02-01");
        assertThat(paid.get("cumulative").decimalValue()).isEqualByComparingTo("1500000.00");
        assertThat(series.get("planned").findValuesAsText("date"))
                .containsExactly("2025-01-01", "2026-02-01", "2027-12-31");
        assertThat(series.get("planned").get(0).get("percent").decimalValue()).isEqualByComparingTo("0");
        assertThat(series.get("planned").get(1).get("percent").decimalValue()).isEqualByComparingTo("36.20");
        assertThat(series.get("planned").get(2).get("percent").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void anUnknownProjectIsAProblem() {
        ResponseEntity<String> answer = call(HttpMethod.GET, "/api/risk/projects/nope", null, auditor());
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody()).contains("urn:jianhu:problem:not-found");
    }

    @Test
    void signalsAreFilteredByProjectLevelStatusRuleAndRegion() throws Exception {
        assertThat(items("/api/risk/signals?level=RED&status=open").findValuesAsText("projectId"))
                .containsExactly("p-red");
        assertThat(items("/api/risk/signals?project=p-yellow").findValuesAsText("level")).containsExactly("YELLOW");
        assertThat(items("/api/risk/signals?status=cleared")).isEmpty();
        assertThat(items("/api/risk/signals?rule=T01&region=Haishu").findValuesAsText("projectId"))
                .containsExactlyInAnyOrder("p-red", "p-yellow");
        assertThat(items("/api/risk/signals?region=Yinzhou")).isEmpty();
        assertThat(items("/api/risk/signals?rule=R15")).isEmpty();
        ResponseEntity<String> badLevel = call(HttpMethod.GET, "/api/risk/signals?level=purple", null, auditor());
        assertThat(badLevel.getStatusCode().value()).isEqualTo(400);
        assertThat(badLevel.getBody()).contains("urn:jianhu:problem:invalid-request");
    }

    @Test
    void theRulesAreListedWithTheirVersions() throws Exception {
        JsonNode rules = get("/api/risk/rules");
        assertThat(rules.findValuesAsText("id")).containsExactly("T01", "R15");
        assertThat(rules.get(1).get("thresholds").get("yellowCount").asInt()).isEqualTo(3);
        assertThat(rules.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(rules.get(0).get("nameEn").asText()).isEqualTo("paid too much");
    }

    @Test
    void answersWithACorrelationId() {
        ResponseEntity<String> answer = call(HttpMethod.GET, "/api/risk/rules", null, auditor());
        assertThat(answer.getHeaders().getFirst("X-Correlation-Id")).isNotBlank();
    }

    private static void assertGroup(JsonNode group, String key, long projects, String budget, String contractValue,
                                    String paid) {
        assertThat(group.path("key").isMissingNode() || group.path("key").isNull() ? null : group.get("key").asText())
                .isEqualTo(key);
        assertThat(group.get("projects").asLong()).isEqualTo(projects);
        assertThat(group.get("budget").decimalValue()).isEqualByComparingTo(budget);
        assertThat(group.get("contractValue").decimalValue()).isEqualByComparingTo(contractValue);
        assertThat(group.get("paid").decimalValue()).isEqualByComparingTo(paid);
    }

}
