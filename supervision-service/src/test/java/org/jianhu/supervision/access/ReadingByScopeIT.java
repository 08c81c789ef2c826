package org.jianhu.supervision.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.supervision.support.HistoryStub;
import org.jianhu.supervision.support.ProjectEventsFeed;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/**
 * Each caller reads only the projects in its scope: an owner its organisation's, a supervisor those it
 * is named on or of its region, auditors and administrators all. Lists and the portfolio leave the others
 * out; one project outside the scope is 403.
 *
 * <p>p-haishu: transport-bureau, Haishu, sup-li. p-yinzhou: water-bureau, Yinzhou, sup-zhang reassigned to
 * sup-wu. p-beilun: water-bureau, Beilun, sup-zhang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingByScopeIT extends SupervisionIT {

    private static final HistoryStub projectService = new HistoryStub();
    private static final List<String> ALL = List.of("p-haishu", "p-yinzhou", "p-beilun");

    @DynamicPropertySource
    static void historyFromTheStub(DynamicPropertyRegistry registry) {
        registry.add("jianhu.project-service.url", projectService::url);
    }

    @AfterAll
    static void stopStub() {
        projectService.close();
    }

    @BeforeAll
    void threeProjectsOfTwoOwnersInThreeRegions() throws Exception {
        feed = new ProjectEventsFeed(json, amqpPrefix);
        hold(feed.envelope(1000, 0, registered("p-haishu", "Haishu", "transport-bureau", "sup-li")),
                feed.envelope(1000, 1, payment("p-haishu", "t-1", "1500000.00")));
        hold(feed.envelope(2000, 0, registered("p-yinzhou", "Yinzhou", "water-bureau", "sup-zhang")),
                feed.envelope(2000, 1, payment("p-yinzhou", "t-1", "700000.00")),
                feed.envelope(2000, 2, new SupervisorsReassigned("p-yinzhou", List.of("sup-zhang"), List.of("sup-wu"),
                        "rotation")));
        hold(feed.envelope(3000, 0, registered("p-beilun", "Beilun", "water-bureau", "sup-zhang")),
                feed.envelope(3000, 1, payment("p-beilun", "t-1", "600000.00")));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM risk_project WHERE next_sequence = 2 OR project_id = 'p-yinzhou' "
                        + "AND next_sequence = 3", Long.class) == 3);
    }

    @Test
    void theScopeIsWhatTheEventsLastSaid() {
        assertThat(jdbc.queryForList("SELECT facts ->> 'ownerOrganisation' || ' ' || (facts ->> 'region') || ' ' "
                + "|| (facts ->> 'supervisors') FROM risk_project ORDER BY project_id", String.class)).containsExactly(
                "water-bureau Beilun [\"sup-zhang\"]",
                "transport-bureau Haishu [\"sup-li\"]",
                "water-bureau Yinzhou [\"sup-wu\"]");
    }

    @Test
    void anOwnerReadsOnlyItsOrganisationsProjects() throws Exception {
        assertReadsExactly(owner("transport-bureau"), "p-haishu");
        assertReadsExactly(owner("water-bureau"), "p-yinzhou", "p-beilun");
        assertReadsExactly(signed("owner-nobody", "owner", null, "Haishu"));
    }

    @Test
    void aSupervisorReadsTheProjectsOfItsRegion() throws Exception {
        assertReadsExactly(supervisor("sup-he", "Beilun"), "p-beilun");
        assertReadsExactly(supervisor("sup-he", "Haishu"), "p-haishu");
    }

    @Test
    void aSupervisorNamedOnAProjectReadsItFromAnotherRegion() throws Exception {
        assertReadsExactly(supervisor("sup-wu", "Beilun"), "p-yinzhou", "p-beilun");
        assertReadsExactly(supervisor("sup-li", "Zhenhai"), "p-haishu");
    }

    @Test
    void aSupervisorNoLongerNamedNoLongerReadsTheProject() throws Exception {
        assertReadsExactly(supervisor("sup-zhang", "Zhenhai"), "p-beilun");
    }

    @Test
    void auditorsAndAdministratorsReadEveryProject() throws Exception {
        assertReadsExactly(auditor(), ALL.toArray(String[]::new));
        assertReadsExactly(admin(), ALL.toArray(String[]::new));
    }

    @Test
    void thePortfolioSumsOnlyTheProjectsTheCallerMayRead() throws Exception {
        JsonNode owners = get("/api/risk/portfolio", owner("water-bureau"));
        assertThat(owners.get("all").get("projects").asLong()).isEqualTo(2);
        assertThat(owners.get("all").get("paid").decimalValue()).isEqualByComparingTo("1300000.00");
        assertThat(owners.get("byRegion").findValuesAsText("key")).containsExactly("Beilun", "Yinzhou");
        assertThat(get("/api/risk/portfolio?region=Haishu", owner("water-bureau")).get("all").get("projects")
                .asLong()).isZero();
        JsonNode supervisors = get("/api/risk/portfolio", supervisor("sup-li", "Zhenhai"));
        assertThat(supervisors.get("byRegion").findValuesAsText("key")).containsExactly("Haishu");
        assertThat(get("/api/risk/portfolio", auditor()).get("all").get("projects").asLong()).isEqualTo(3);
    }

    @Test
    void aProjectOutsideTheScopeIsForbiddenNowAndAsItWas() {
        for (String path : List.of("/api/risk/projects/p-haishu",
                "/api/risk/projects/p-haishu?asOf=2026-03-01T03:00:00Z")) {
            assertProblem(call(HttpMethod.GET, path, null, owner("water-bureau")), 403, "forbidden");
            assertProblem(call(HttpMethod.GET, path, null, supervisor("sup-he", "Beilun")), 403, "forbidden");
            assertProblem(call(HttpMethod.GET, path, null, supervisor("sup-wu", "Beilun")), 403, "forbidden");
        }
        assertThat(projectService.historyRequests("p-haishu")).isZero();
    }

    @Test
    void aProjectInTheScopeIsReadNowAndAsItWas() throws Exception {
        for (HttpHeaders reader : List.of(owner("water-bureau"), supervisor("sup-wu", "Beilun"),
                supervisor("sup-he", "Yinzhou"), auditor(), admin())) {
            JsonNode now = get("/api/risk/projects/p-yinzhou", reader);
            assertThat(now.get("openSignals").findValuesAsText("ruleId")).containsExactly("T01");
            assertThat(now.get("openSignals").get(0).get("evidence").toString()).isEqualTo("[2000,2001,2002]");
            assertThat(get("/api/risk/projects/p-yinzhou?asOf=2026-03-01T03:00:00Z", reader).get("level").asText())
                    .isEqualTo("YELLOW");
        }
    }

    @Test
    void anUnknownProjectStaysNotFoundForEveryone() {
        assertProblem(call(HttpMethod.GET, "/api/risk/projects/p-nowhere", null, owner("water-bureau")), 404,
                "not-found");
    }

    @Test
    void signalsOfAProjectOutsideTheScopeAreLeftOut() throws Exception {
        assertThat(items("/api/risk/signals?project=p-haishu", owner("water-bureau"))).isEmpty();
        assertThat(items("/api/risk/signals?project=p-haishu", owner("transport-bureau")).findValuesAsText("level"))
                .containsExactly("RED");
    }

    @Test
    void anUnsignedOrForgedReaderIsUnauthenticated() {
        HttpHeaders unsigned = new HttpHeaders();
        unsigned.set("X-Jianhu-User", "auditor-qian");
        unsigned.set("X-Jianhu-Role", "auditor");
        HttpHeaders forged = owner("water-bureau");
        forged.set("X-Jianhu-Organisation", "transport-bureau");
        for (HttpHeaders caller : List.of(new HttpHeaders(), unsigned, forged)) {
            assertProblem(call(HttpMethod.GET, "/api/risk/projects", null, caller), 401, "unauthenticated");
            assertProblem(call(HttpMethod.GET, "/api/risk/projects/p-haishu", null, caller), 401, "unauthenticated");
        }
    }

    private void assertReadsExactly(HttpHeaders caller, String... projectIds) throws Exception {
        assertThat(items("/api/risk/projects", caller).findValuesAsText("projectId"))
                .containsExactlyInAnyOrder(projectIds);
        assertThat(items("/api/risk/signals?status=open", caller).findValuesAsText("projectId"))
                .containsExactlyInAnyOrder(projectIds);
        for (String projectId : ALL) {
            int expected = List.of(projectIds).contains(projectId) ? 200 : 403;
            assertThat(call(HttpMethod.GET, "/api/risk/projects/" + projectId, null, caller).getStatusCode().value())
                    .as(projectId).isEqualTo(expected);
        }
    }

    private void hold(EventEnvelope... history) throws Exception {
        projectService.holds(history[0].projectId(), history);
        feed.publish(history);
    }

    private static HttpHeaders owner(String organisation) {
        return signed("owner-of-" + organisation, "owner", organisation, "Haishu");
    }

    private static HttpHeaders supervisor(String user, String region) {
        return signed(user, "supervisor", null, region);
    }
}
