package org.jianhu.project.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.project.support.Api;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.project.support.Parties.ACME;
import static org.jianhu.project.support.Parties.QUALITY_STATION;

/**
 * Who may do and read what (notes: authz): the service believes only identities the gateway signed,
 * lets only admins administer projects and only owners of a project's organisation record its facts,
 * and shows each caller only the projects in their scope.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationIT {

    private static final String OWNER_ORG = "owner-org";
    private static final String REGION = "Haishu";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    Api owner;
    Api ownerOfAnotherOrganisation;
    Api namedSupervisor;
    Api supervisorOfTheRegion;
    Api supervisorElsewhere;
    Api auditor;
    Api service;
    Api anonymous;

    @BeforeAll
    void connect() {
        admin = new Api(port, "admin-chen", "admin", "development-reform-commission", null);
        owner = new Api(port, "owner-wang", "owner", OWNER_ORG, REGION);
        ownerOfAnotherOrganisation = new Api(port, "owner-zhang", "owner", "water-bureau", REGION);
        namedSupervisor = new Api(port, "sup-li", "supervisor", null, "Beilun");
        supervisorOfTheRegion = new Api(port, "sup-zhou", "supervisor", null, REGION);
        supervisorElsewhere = new Api(port, "sup-qian", "supervisor", null, "Beilun");
        auditor = new Api(port, "audit-sun", "auditor", "audit-office", null);
        service = new Api(port, "supervision-service", "service", null, null);
        anonymous = Api.anonymous(port);
    }

    @Test
    void unsignedIdentityHeadersAreRefusedWith401AndChangeNothing() {
        Api.Response unsigned = anonymous.post("/api/projects", registration("ID-1"),
                "X-Jianhu-User", "admin-chen", "X-Jianhu-Role", "admin");
        Api.Response unsignedRead = anonymous.get("/api/projects",
                "X-Jianhu-User", "audit-sun", "X-Jianhu-Role", "auditor");
        Api.Response noIdentity = anonymous.get("/api/events");

        for (Api.Response response : List.of(unsigned, unsignedRead, noIdentity)) {
            assertUnauthenticated(response);
        }
        assertThat(codeTaken("ID-1")).isFalse();
    }

    @Test
    void anAlteredOrForgedSignatureIsRefusedWith401() {
        Map<String, String> raisedToAdmin = new LinkedHashMap<>(TestIdentity.headers("owner-wang", "owner", OWNER_ORG,
                null));
        raisedToAdmin.put("X-Jianhu-Role", "admin");
        Map<String, String> otherSecret = new IdentityAssertion("a secret the gateway does not share with us",
                Duration.ofMinutes(5)).headers(new CallerIdentity("admin-chen", "admin", null, null), Instant.now());
        Map<String, String> madeUp = Map.of("X-Jianhu-User", "admin-chen", "X-Jianhu-Role", "admin",
                "X-Jianhu-Identity", "v1;t=" + Instant.now().getEpochSecond() + ";sig=bm90LWEtc2lnbmF0dXJl");

        for (Map<String, String> forged : List.of(raisedToAdmin, otherSecret, madeUp)) {
            assertUnauthenticated(anonymous.post("/api/projects", registration("ID-2"), flat(forged)));
        }
        assertThat(codeTaken("ID-2")).isFalse();
    }

    @Test
    void onlyAnAdminRegistersAProject() {
        for (Api refused : List.of(owner, namedSupervisor, auditor, service)) {
            assertForbidden(refused.post("/api/projects", registration("REG-1")), "only an admin may register");
        }
        assertThat(codeTaken("REG-1")).isFalse();

        assertThat(admin.post("/api/projects", registration("REG-1")).status()).isEqualTo(201);
        // not 409: who may not register learns nothing of the codes taken
        assertForbidden(owner.post("/api/projects", registration("REG-1")), "only an admin may register");
    }

    @Test
    void onlyAnAdminAdministersAProject() {
        String projectId = admin.register("ADM-1", REGION);
        String path = "/api/projects/" + projectId;
        List<Step> steps = List.of(
                new Step(path + "/suspension", "{\"date\": \"2025-08-01\", \"reason\": \"flood season\"}"),
                new Step(path + "/resumption", "{\"date\": \"2025-09-15\", \"reason\": \"flood season over\"}"),
                new Step(path + "/approval", "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-1\"}"),
                new Step(path + "/supervisors", "{\"supervisors\": [\"sup-zhao\"], \"reason\": \"sup-li moved\"}"),
                new Step(path + "/cancellation", "{\"date\": \"2025-10-01\", \"reason\": \"route abandoned\"}"));

        for (Step step : steps) {
            for (Api refused : List.of(owner, ownerOfAnotherOrganisation, namedSupervisor, auditor, service)) {
                assertForbidden(refused.post(step.path(), step.body()), "only an admin may");
            }
            assertThat(admin.post(step.path(), step.body()).status()).as(step.path()).isEqualTo(200);
        }

        assertThat(history(projectId)).extracting(event -> event.get("type").asText()).containsExactly(
                "ProjectRegistered", "ProjectSuspended", "ProjectResumed", "ProjectApproved", "SupervisorsReassigned",
                "ProjectCancelled");
        assertThat(history(projectId)).extracting(event -> event.at("/metadata/actorRole").asText()).containsOnly("admin");
    }

    @Test
    void onlyAnOwnerOfTheProjectsOrganisationRecordsItsFactsRightFromRegistration() {
        String projectId = admin.register("OWN-1", REGION);
        String path = "/api/projects/" + projectId;
        List<Step> steps = List.of(
                new Step(path + "/milestones", """
                        {"id": "m-1", "title": "Works commence", "type": "delivery", "dueDate": "2025-05-15"}"""),
                new Step(path + "/milestones/m-1/status", "{\"status\": \"met\", \"dateMet\": \"2025-05-20\"}"),
                new Step(path + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-01\"}"),
                new Step(path + "/contracts", """
                        {"id": "c-1", "nature": "construction",
                         "tender": {"procurementMethod": "open", "numberOfTenderers": 3},
                         "supplier": %s, "contractValue": {"amount": "1000000.00", "currency": "CNY"},
                         "contractPeriod": {"startDate": "2025-05-01", "endDate": "2026-10-31"},
                         "dateSigned": "2025-04-20"}""".formatted(ACME)),
                new Step(path + "/contracts/c-1/modifications", """
                        {"id": "mod-1", "date": "2025-07-01", "type": "value", "rationale": "more piles",
                         "newContractValue": {"amount": "1200000.00", "currency": "CNY"}}"""),
                new Step(path + "/transactions", """
                        {"id": "pay-1", "kind": "payment", "date": "2025-07-02",
                         "value": {"amount": "100000.00", "currency": "CNY"},
                         "payee": %s}""".formatted(ACME)),
                new Step(path + "/inspections", """
                        {"id": "i-1", "inspector": %s, "date": "2025-07-10", "scope": "pier 3",
                         "result": "failed", "findings": "cover too thin", "rectificationDeadline": "2025-08-10"}"""
                        .formatted(QUALITY_STATION)),
                new Step(path + "/inspections/i-1/rectification",
                        "{\"date\": \"2025-07-20\", \"description\": \"cover rebuilt\"}"),
                new Step(path + "/inspections/i-1/verification",
                        "{\"date\": \"2025-07-25\", \"verifier\": \"sup-li\", \"accepted\": true}"),
                new Step(path + "/completion", """
                        {"endDate": "2025-12-20", "finalValue": {"amount": "1200000.00", "currency": "CNY"},
                         "finalScope": "bridge"}"""));

        for (Step step : steps) {
            for (Api refused : List.of(ownerOfAnotherOrganisation, admin, namedSupervisor, supervisorOfTheRegion,
                    auditor, service)) {
                assertForbidden(refused.post(step.path(), step.body()),
                        "only an owner of the project's owner organisation records facts");
            }
            Api.Response recorded = owner.post(step.path(), step.body());
            assertThat(recorded.status()).as(step.path() + ": " + recorded.raw().body()).isEqualTo(200);
        }

        List<JsonNode> facts = history(projectId).subList(1, steps.size() + 1);
        assertThat(history(projectId)).hasSize(steps.size() + 1);
        assertThat(facts).allSatisfy(event -> {
            assertThat(event.at("/metadata/actorUser").asText()).isEqualTo("owner-wang");
            assertThat(event.at("/metadata/actorRole").asText()).isEqualTo("owner");
            assertThat(event.at("/metadata/actorOrganisation").asText()).isEqualTo(OWNER_ORG);
        });
    }

    @Test
    void theKeyOfARefusedRequestIsNotUsedUp() {
        String projectId = admin.register("IK-9", REGION);

        Api.Response refused = admin.post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": 10, \"date\": \"2025-06-01\"}", "Idempotency-Key", "admin-key-1");
        Api.Response approved = admin.post("/api/projects/" + projectId + "/approval",
                "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-9\"}",
                "Idempotency-Key", "admin-key-1");

        assertForbidden(refused, "only an owner");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.header("Idempotent-Replayed")).isNull();
        assertThat(history(projectId)).extracting(event -> event.get("type").asText())
                .containsExactly("ProjectRegistered", "ProjectApproved");
    }

    @Test
    void aProjectIsReadByItsOwnersSupervisorsAuditorsAdminsAndServices() {
        String projectId = admin.register("READ-1", REGION);
        String asOf = Instant.now().plusSeconds(1).toString();

        for (Api reader : List.of(owner, namedSupervisor, supervisorOfTheRegion, auditor, admin, service)) {
            assertThat(reader.get("/api/projects/" + projectId).status()).isEqualTo(200);
            assertThat(reader.get("/api/projects/" + projectId + "?asOf=" + asOf).status()).isEqualTo(200);
            assertThat(reader.get("/api/projects/" + projectId + "/history").status()).isEqualTo(200);
        }
    }

    @Test
    void aProjectOutsideTheCallersScopeIsForbiddenAndAnUnknownOneStaysNotFound() {
        String projectId = admin.register("READ-2", REGION);
        Api supervisorWithoutRegion = new Api(port, "sup-qian", "supervisor", null, null);
        Api unknownRole = new Api(port, "guest", "visitor", OWNER_ORG, REGION);

        for (Api stranger : List.of(ownerOfAnotherOrganisation, supervisorElsewhere, supervisorWithoutRegion,
                unknownRole)) {
            assertForbidden(stranger.get("/api/projects/" + projectId), "may not read project " + projectId);
            assertForbidden(stranger.get("/api/projects/" + projectId + "?asOf=2030-01-01T00:00:00Z"),
                    "may not read project");
            assertForbidden(stranger.get("/api/projects/" + projectId + "/history"), "may not read project");
            assertThat(stranger.get("/api/projects/no-such-project").status()).isEqualTo(404);
        }
    }

    @Test
    void aSupervisorNoLongerNamedLosesTheProjectAtOnceAndTheNewOneGainsIt() {
        String projectId = admin.register("READ-3", REGION);
        Api newlyNamed = new Api(port, "sup-zhao", "supervisor", null, "Beilun");
        assertForbidden(newlyNamed.get("/api/projects/" + projectId), "may not read");

        admin.post("/api/projects/" + projectId + "/supervisors",
                "{\"supervisors\": [\"sup-zhao\"], \"reason\": \"sup-li moved\"}");

        assertForbidden(namedSupervisor.get("/api/projects/" + projectId), "may not read");
        assertThat(newlyNamed.get("/api/projects/" + projectId + "/history").status()).isEqualTo(200);
        assertThat(supervisorOfTheRegion.get("/api/projects/" + projectId).status()).isEqualTo(200);
    }

    @Test
    void theRegisterShowsEachCallerOnlyTheProjectsTheyMayRead() {
        String ours = admin.register("LIST-1", "Zhenhai", OWNER_ORG, "sup-li");
        String named = admin.register("LIST-2", "Cixi", "water-bureau", "sup-li");
        String regional = admin.register("LIST-3", "Zhenhai", "water-bureau", "sup-zhao");
        Api ownerInZhenhai = new Api(port, "owner-wang", "owner", OWNER_ORG, null);
        Api supervisorOfZhenhai = new Api(port, "sup-zhao", "supervisor", null, "Zhenhai");
        Api ownerOfNoOrganisation = new Api(port, "owner-liu", "owner", null, null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listed(auditor, "?limit=500")).contains(ours, named, regional));

        assertThat(listed(ownerInZhenhai, "?limit=500")).contains(ours).doesNotContain(named, regional);
        assertThat(listed(namedSupervisor, "?limit=500")).contains(ours, named).doesNotContain(regional);
        assertThat(listed(supervisorOfZhenhai, "?limit=500")).contains(ours, regional).doesNotContain(named);
        assertThat(listed(supervisorOfZhenhai, "?region=Cixi")).isEmpty();
        assertThat(listed(service, "?limit=500")).contains(ours, named, regional);
        assertThat(listed(admin, "?limit=500")).contains(ours, named, regional);
        Api.Response nothing = ownerOfNoOrganisation.get("/api/projects");
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.json().get("total").asLong()).isZero();

        assertThat(admin.post("/api/projects/" + regional + "/supervisors",
                "{\"supervisors\": [\"sup-li\"], \"reason\": \"sup-zhao moved\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listed(namedSupervisor, "?limit=500")).contains(ours, named, regional));
        assertThat(listed(supervisorOfZhenhai, "?region=Zhenhai")).contains(ours, regional);
    }

    @Test
    void theGlobalLogIsForAuditorsAdminsAndServicesOnly() {
        admin.register("LOG-1", REGION);

        for (Api reader : List.of(auditor, admin, service)) {
            assertThat(reader.get("/api/events?limit=1").status()).isEqualTo(200);
            assertThat(reader.ndjson("/api/events?limit=1")).hasSize(1);
        }
        for (Api refused : List.of(owner, namedSupervisor)) {
            assertForbidden(refused.get("/api/events?limit=1"), "the global log is for auditors, admins and services");
        }
    }

    private record Step(String path, String body) {
    }

    private static String registration(String code) {
        return """
                {"code": "%s", "title": "Project %s", "type": "construction", "region": "%s",
                 "ownerOrganisation": "%s", "budget": {"amount": "1000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                 "supervisors": ["sup-li"]}""".formatted(code, code, REGION, OWNER_ORG);
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:jianhu:problem:unauthenticated");
    }

    private static void assertForbidden(Api.Response response, String detail) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:jianhu:problem:forbidden");
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    private List<JsonNode> history(String projectId) {
        List<JsonNode> events = new ArrayList<>();
        auditor.get("/api/projects/" + projectId + "/history").json().forEach(events::add);
        return events;
    }

    private static List<String> listed(Api reader, String query) {
        Api.Response page = reader.get("/api/projects" + query);
        assertThat(page.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("projectId").asText()));
        return ids;
    }

    private boolean codeTaken(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM project_code WHERE code = ?)",
                Boolean.class, code));
    }

    private static String[] flat(Map<String, String> headers) {
        return headers.entrySet().stream().flatMap(header -> java.util.stream.Stream.of(header.getKey(),
                header.getValue())).toArray(String[]::new);
    }
}
