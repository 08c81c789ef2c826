package org.jianhu.project.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.project.support.Api;
import org.jianhu.servicesupport.paging.Cursor;
import org.jianhu.testsupport.BoundQueue;
import org.jianhu.testsupport.PageWalk;
import org.jianhu.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.project.support.Parties.ACME;
import static org.jianhu.project.support.Parties.FINANCE;

@RealInfrastructure
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jianhu.snapshot-threshold=5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Value("${jianhu.amqp.prefix}")
    String amqpPrefix;
    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    Api owner;
    Api auditor;
    BoundQueue everything;

    @BeforeAll
    void connect() {
        admin = new Api(port, "admin-chen", "admin", "development-reform-commission", null);
        owner = new Api(port, "owner-wang", "owner", "owner-org", null);
        auditor = new Api(port, "audit-sun", "auditor", "audit-office", null);
        everything = BoundQueue.bind(ProjectEventsExchange.name(amqpPrefix), "project.#");
    }

    @AfterAll
    void disconnect() throws Exception {
        everything.close();
    }

    @Test
    void registrationLandsInTheStoreWithItsActorAndOnTheExchange() throws Exception {
        Api.Response created = admin.post("/api/projects", """
                {"code": "BR-1", "title": "Harbour bridge", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "transport-bureau", "budget": {"amount": "120000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                 "supervisors": ["sup-zhao", "sup-li"]}""", "X-Correlation-Id", "corr-42");

        assertThat(created.status()).isEqualTo(201);
        String projectId = created.json().get("projectId").asText();
        assertThat(created.header("Location")).isEqualTo("/api/projects/" + projectId);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        JsonNode stored = auditor.get("/api/projects/" + projectId + "/history").json().get(0);
        assertThat(stored.get("type").asText()).isEqualTo("ProjectRegistered");
        assertThat(stored.get("sequenceNumber").asLong()).isZero();
        assertThat(stored.at("/metadata/actorUser").asText()).isEqualTo("admin-chen");
        assertThat(stored.at("/metadata/actorRole").asText()).isEqualTo("admin");
        assertThat(stored.at("/metadata/actorOrganisation").asText()).isEqualTo("development-reform-commission");
        assertThat(stored.at("/metadata/correlationId").asText()).isEqualTo("corr-42");
        assertThat(stored.at("/payload/budget/amount").asText()).isEqualTo("120000000.00");

        BoundQueue.Delivery delivery = await().atMost(Duration.ofSeconds(20)).until(
                () -> deliveryOf(stored.get("eventId").asText()), found -> found != null);
        assertThat(delivery.routingKey()).isEqualTo("project.ProjectRegistered");
        assertThat(delivery.properties().getHeaders().get(ProjectEventsExchange.HEADER_PROJECT_ID).toString())
                .isEqualTo(projectId);
        JsonNode envelope = JSON.readTree(delivery.body());
        assertThat(envelope.get("sequenceNumber").asLong()).isZero();
        assertThat(envelope.get("globalPosition").asLong()).isEqualTo(stored.get("globalPosition").asLong());
        assertThat(envelope.at("/payload/supervisors").toString()).isEqualTo("[\"sup-li\",\"sup-zhao\"]");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstResponseAndRecordsNothingNew() {
        String projectId = admin.register("IK-1", "Beilun");
        String payment = """
                {"id": "pay-1", "kind": "payment", "date": "2025-05-01",
                 "value": {"amount": "1000000.00", "currency": "CNY"}, "payee": %s}""".formatted(ACME);

        Api.Response first = owner.post("/api/projects/" + projectId + "/transactions", payment,
                "Idempotency-Key", "key-1");
        Api.Response retry = owner.post("/api/projects/" + projectId + "/transactions", payment,
                "Idempotency-Key", "key-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventTypes(projectId)).containsExactly("ProjectRegistered", "TransactionRecorded");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        String projectId = admin.register("IK-2", "Beilun");
        owner.post("/api/projects/" + projectId + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-01\"}",
                "Idempotency-Key", "key-2");

        Api.Response reused = owner.post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": 20, \"date\": \"2025-07-01\"}", "Idempotency-Key", "key-2");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).isEqualTo("urn:jianhu:problem:idempotency-key-reused");
        assertThat(eventTypes(projectId)).containsExactly("ProjectRegistered", "ProgressReported");
    }

    @Test
    void aRejectedKeyedRequestStoresNothingSoTheCorrectedRetryIsRecorded() {
        String projectId = admin.register("IK-3", "Beilun");
        Api.Response rejected = owner.post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": 120, \"date\": \"2025-06-01\"}", "Idempotency-Key", "key-3");
        assertThat(rejected.status()).isEqualTo(400);

        Api.Response retried = owner.post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": 20, \"date\": \"2025-06-01\"}", "Idempotency-Key", "key-4");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(eventTypes(projectId)).containsExactly("ProjectRegistered", "ProgressReported");
    }

    @Test
    void anOldIfMatchVersionGets412AndChangesNothing() {
        String projectId = admin.register("IM-1", "Yinzhou");
        Api.Response progressed = owner.post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": 5, \"date\": \"2025-03-01\"}", "If-Match", "\"0\"");
        assertThat(progressed.status()).isEqualTo(200);
        assertThat(progressed.header("ETag")).isEqualTo("\"1\"");

        Api.Response stale = admin.post("/api/projects/" + projectId + "/approval",
                "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-1\"}", "If-Match", "\"0\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(eventTypes(projectId)).containsExactly("ProjectRegistered", "ProgressReported");
        assertThat(owner.get("/api/projects/" + projectId).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void historyListsEveryEventAndAsOfRebuildsTheStateOfThatInstant() {
        String projectId = admin.register("HI-1", "Zhenhai");
        admin.post("/api/projects/" + projectId + "/approval",
                "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-7\"}");
        Instant afterApproval = Instant.now();
        awaitClockPast(afterApproval);
        owner.post("/api/projects/" + projectId + "/transactions", """
                {"id": "app-1", "kind": "appropriation", "date": "2025-02-01",
                 "value": {"amount": "5000000.00", "currency": "CNY"}, "payer": %s}""".formatted(FINANCE));

        List<String> types = eventTypes(projectId);
        assertThat(types).containsExactly("ProjectRegistered", "ProjectApproved", "TransactionRecorded");

        Api.Response then = owner.get("/api/projects/" + projectId + "?asOf=" + afterApproval);
        assertThat(then.status()).isEqualTo(200);
        assertThat(then.header("ETag")).isEqualTo("\"1\"");
        assertThat(then.json().get("status").asText()).isEqualTo("preparation");
        assertThat(then.json().at("/appropriated/amount").asText()).isEqualTo("0.00");

        Api.Response now = owner.get("/api/projects/" + projectId);
        assertThat(now.header("ETag")).isEqualTo("\"2\"");
        assertThat(now.json().at("/appropriated/amount").asText()).isEqualTo("5000000.00");

        Api.Response beforeRegistration = owner.get("/api/projects/" + projectId + "?asOf=2020-01-01T00:00:00Z");
        assertThat(beforeRegistration.status()).isEqualTo(404);
    }

    @Test
    void invalidInputGetsProblemJsonNamingTheFieldAndRecordsNothing() {
        String projectId = admin.register("IN-1", "Jiangbei");

        Api.Response negative = owner.post("/api/projects/" + projectId + "/transactions", """
                {"id": "pay-x", "kind": "payment", "date": "2025-05-01",
                 "value": {"amount": "-5.00", "currency": "CNY"}, "payee": %s}""".formatted(ACME));
        Api.Response thirdDecimal = owner.post("/api/projects/" + projectId + "/transactions", """
                {"id": "pay-y", "kind": "payment", "date": "2025-05-01",
                 "value": {"amount": "5.001", "currency": "CNY"}, "payee": %s}""".formatted(ACME));
        Api.Response badDate = owner.post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": 5, \"date\": \"yesterday\"}");
        Api.Response malformed = owner.post("/api/projects/" + projectId + "/progress", "{not json");
        Api.Response noVersion = owner.post("/api/projects/" + projectId + "/progress",
                "{\"physicalProgress\": 5, \"date\": \"2025-03-01\"}", "If-Match", "\"latest\"");

        for (Api.Response response : List.of(negative, thirdDecimal, badDate, malformed, noVersion)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).isEqualTo("urn:jianhu:problem:invalid-request");
        }
        assertThat(negative.json().at("/errors/0/field").asText()).isEqualTo("value");
        assertThat(thirdDecimal.json().at("/errors/0/field").asText()).isEqualTo("value");
        assertThat(badDate.json().at("/errors/0/field").asText()).isEqualTo("date");
        assertThat(noVersion.json().at("/errors/0/field").asText()).isEqualTo("If-Match");
        assertThat(eventTypes(projectId)).containsExactly("ProjectRegistered");
    }

    @Test
    void onlySupervisorAccountsOfTheDirectoryAreNamedSupervisors() {
        String registration = """
                {"code": "SV-0", "title": "Watched by nobody", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "x", "budget": {"amount": "1.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2025-12-31"}, "supervisors": %s}""";
        Api.Response nobody = admin.post("/api/projects", registration.formatted("[\"sup-li\", \"sup-nobody\"]"));
        Api.Response anOwner = admin.post("/api/projects", registration.formatted("[\"owner-zhang\"]"));
        String projectId = admin.register("SV-1", "Haishu");
        Api.Response reassigned = admin.post("/api/projects/" + projectId + "/supervisors",
                "{\"supervisors\": [\"sup-nobody\"], \"reason\": \"rotation\"}");

        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().at("/errors/0/field").asText()).isEqualTo("supervisors");
        assertThat(nobody.json().get("detail").asText()).isEqualTo("supervisors: sup-nobody is not a supervisor account");
        assertThat(anOwner.json().get("detail").asText()).isEqualTo("supervisors: owner-zhang is not a supervisor account");
        assertThat(reassigned.status()).isEqualTo(400);
        assertThat(reassigned.json().get("detail").asText()).isEqualTo("supervisors: sup-nobody is not a supervisor account");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project_code WHERE code = 'SV-0'", Long.class)).isZero();
        assertThat(eventTypes(projectId)).containsExactly("ProjectRegistered");
    }

    @Test
    void unknownProjectsAnswer404() {
        Api.Response unknown = owner.post("/api/projects/no-such-project/progress",
                "{\"physicalProgress\": 5, \"date\": \"2025-03-01\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(owner.get("/api/projects/no-such-project").status()).isEqualTo(404);
        assertThat(owner.get("/api/projects/no-such-project/history").status()).isEqualTo(404);
    }

    @Test
    void aProjectCodeIsRegisteredOnlyOnce() {
        admin.register("DUP-1", "Haishu");
        Api.Response again = admin.post("/api/projects", """
                {"code": "DUP-1", "title": "Again", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "x", "budget": {"amount": "1.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2025-12-31"}, "supervisors": ["sup-li"]}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:jianhu:problem:duplicate-code");
    }

    @Test
    void ofConcurrentRegistrationsOfOneCodeExactlyOneIsRecorded() throws Exception {
        String body = """
                {"code": "RACE-1", "title": "Race", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "x", "budget": {"amount": "1.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2025-12-31"}, "supervisors": ["sup-li"]}""";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var attempts = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 6; i++) {
                attempts.add(pool.submit(() -> admin.post("/api/projects", body).status()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var attempt : attempts) {
                statuses.add(attempt.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project_code WHERE code = 'RACE-1'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void theGlobalLogStreamsInOrderAfterAPosition() {
        String projectId = admin.register("GL-1", "Fenghua");
        owner.post("/api/projects/" + projectId + "/progress", "{\"physicalProgress\": 1, \"date\": \"2025-03-01\"}");
        owner.post("/api/projects/" + projectId + "/progress", "{\"physicalProgress\": 2, \"date\": \"2025-04-01\"}");
        long registeredAt = owner.get("/api/projects/" + projectId + "/history").json().get(0)
                .get("globalPosition").asLong();

        List<JsonNode> page = await().atMost(Duration.ofSeconds(10)).until(
                () -> auditor.ndjson("/api/events?after=" + (registeredAt - 1) + "&limit=2"), lines -> lines.size() == 2);

        assertThat(page).hasSize(2);
        assertThat(page.get(0).get("globalPosition").asLong()).isEqualTo(registeredAt);
        assertThat(page.get(1).get("globalPosition").asLong()).isGreaterThan(registeredAt);
        List<JsonNode> all = auditor.ndjson("/api/events");
        assertThat(all).extracting(line -> line.get("globalPosition").asLong()).isSorted();
    }

    @Test
    void theGlobalLogFiltersByProjectAndTypeAndPagesOnTheSameWay() {
        String projectId = admin.register("LF-1", "Fenghua");
        admin.register("LF-2", "Fenghua");
        for (int percent = 10; percent <= 30; percent += 10) {
            owner.post("/api/projects/" + projectId + "/progress",
                    "{\"physicalProgress\": " + percent + ", \"date\": \"2025-06-01\"}");
        }

        // The log answers up to its reading horizon, which trails a commit by a moment: wait for all four.
        List<JsonNode> ofTheProject = await().atMost(Duration.ofSeconds(10))
                .until(() -> auditor.ndjson("/api/events?project=" + projectId), lines -> lines.size() == 4);
        List<JsonNode> firstTwo = auditor.ndjson("/api/events?project=" + projectId + "&type=ProgressReported&limit=2");
        long last = firstTwo.get(1).get("globalPosition").asLong();
        List<JsonNode> rest = auditor.ndjson("/api/events?project=" + projectId + "&type=ProgressReported&after=" + last);

        assertThat(ofTheProject).extracting(line -> line.get("type").asText())
                .containsExactly("ProjectRegistered", "ProgressReported", "ProgressReported", "ProgressReported");
        assertThat(ofTheProject).allSatisfy(line -> assertThat(line.get("projectId").asText()).isEqualTo(projectId));
        assertThat(firstTwo).extracting(line -> line.get("type").asText()).containsOnly("ProgressReported");
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).get("globalPosition").asLong()).isGreaterThan(last);
        Api.Response unknownType = auditor.get("/api/events?type=Bribe");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("detail").asText()).contains("type must be one of the project's event types")
                .contains("ProgressReported");
    }

    @Test
    void theRegisterFiltersByRegionAndStatus() {
        String approved = admin.register("RG-1", "Xiangshan");
        admin.register("RG-2", "Xiangshan");
        admin.register("RG-3", "Ninghai");
        admin.post("/api/projects/" + approved + "/approval",
                "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-9\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode inXiangshan = owner.get("/api/projects?region=Xiangshan").json();
            JsonNode preparing = owner.get("/api/projects?region=Xiangshan&status=preparation").json();

            assertThat(inXiangshan.get("total").asLong()).isEqualTo(2);
            assertThat(preparing.get("total").asLong()).isEqualTo(1);
            assertThat(preparing.at("/items/0/projectId").asText()).isEqualTo(approved);
        });
    }

    @Test
    void theRegisterPagesByCodeThenIdEachProjectOnceWithItsTotalOnEveryPage() {
        List<String> ids = List.of(admin.register("PG-5", "Dongqian"), admin.register("PG-1", "Dongqian"),
                admin.register("PG-4", "Dongqian"), admin.register("PG-2", "Dongqian"), admin.register("PG-3", "Dongqian"));
        admin.post("/api/projects/" + ids.get(0) + "/approval",
                "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-5\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT count(*) FROM project_listing "
                + "WHERE region = 'Dongqian' AND version = CASE WHEN project_id = ? THEN 1 ELSE 0 END", Long.class,
                ids.get(0)) == 5);

        PageWalk.Walked dongqian = PageWalk.walk(after -> page("?region=Dongqian&limit=2", after));
        assertThat(dongqian.sizes()).containsExactly(2, 2, 1);
        assertThat(dongqian.values("code")).containsExactly("PG-1", "PG-2", "PG-3", "PG-4", "PG-5");
        assertThat(dongqian.pages()).allSatisfy(page -> assertThat(page.get("total").asLong()).isEqualTo(5));
        assertThat(PageWalk.walk(after -> page("?region=Dongqian&status=identification&limit=1", after))
                .values("code")).containsExactly("PG-1", "PG-2", "PG-3", "PG-4");
        assertThat(PageWalk.walk(after -> page("?region=Dongqian&status=preparation&limit=1", after)).values("code"))
                .containsExactly("PG-5");
        PageWalk.Walked everything = PageWalk.walk(after -> page("?limit=3", after));
        assertThat(everything.values("projectId")).isEqualTo(jdbc.queryForList(
                "SELECT project_id FROM project_listing ORDER BY code, project_id", String.class)).doesNotHaveDuplicates();
    }

    @Test
    void aRegisterLimitOrCursorItCannotTakeIsRefusedInPlainWords() {
        assertRefused(auditor.get("/api/projects?limit=501"), "limit",
                "limit must be a whole number from 1 to 500 (items on one page), not 501");
        assertRefused(auditor.get("/api/projects?size=20&limit=twenty"), "limit",
                "limit must be a whole number from 1 to 500, not 'twenty'");
        assertRefused(auditor.get("/api/projects?after=PG-1"), "after", "after is not a cursor this list gave out "
                + "(changed, cut short or made up): start again from the first page, leaving after out");
        String parkedCursor = Cursor.encode("/api/projects/parked", List.of(Instant.EPOCH, "p-1"));
        assertRefused(auditor.get("/api/projects?after=" + parkedCursor), "after", "after is a cursor of "
                + "/api/projects/parked, not of /api/projects: start again from the first page, leaving after out");
    }

    private JsonNode page(String query, String after) {
        Api.Response page = auditor.get("/api/projects" + query + (after == null ? "" : "&after=" + after));
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        return page.json();
    }

    private static void assertRefused(Api.Response answer, String field, String detail) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:jianhu:problem:invalid-request");
        assertThat(answer.json().get("detail").asText()).isEqualTo(detail);
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @Test
    void aLongHistoryIsSnapshottedAndStillDecidesRight() {
        String projectId = admin.register("SN-1", "Cixi");
        for (int i = 1; i <= 12; i++) {
            assertThat(owner.post("/api/projects/" + projectId + "/transactions", """
                    {"id": "t-%d", "kind": "appropriation", "date": "2025-02-01",
                     "value": {"amount": "10.00", "currency": "CNY"}, "payer": %s}""".formatted(i, FINANCE))
                    .status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, projectId) > 0);

        Api.Response duplicate = owner.post("/api/projects/" + projectId + "/transactions", """
                {"id": "t-3", "kind": "appropriation", "date": "2025-02-01",
                 "value": {"amount": "10.00", "currency": "CNY"}, "payer": %s}""".formatted(FINANCE));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(owner.get("/api/projects/" + projectId).json().at("/appropriated/amount").asText())
                .isEqualTo("120.00");
    }

    @Test
    void anAwardShowsItsSupplierAsAPartyAndTheDateItWasSigned() {
        String projectId = admin.register("AW-1", "Beilun");
        Api.Response awarded = owner.post("/api/projects/" + projectId + "/contracts", """
                {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open", "numberOfTenderers": 3},
                 "supplier": %s, "contractValue": {"amount": "1000000.00", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-05-01", "endDate": "2027-10-31"},
                 "dateSigned": "2025-04-20"}""".formatted(ACME));
        assertThat(awarded.status()).as(awarded.raw().body()).isEqualTo(200);

        JsonNode contract = owner.get("/api/projects/" + projectId).json().at("/contracts/c-1");
        assertThat(contract.at("/supplier/id").asText()).isEqualTo("CN-USCC-91330200MA2AB1234X");
        assertThat(contract.at("/supplier/name").asText()).isEqualTo("Acme Construction");
        assertThat(contract.get("dateSigned").asText()).isEqualTo("2025-04-20");
        JsonNode stored = owner.get("/api/projects/" + projectId + "/history").json().get(1);
        assertThat(stored.get("revision").asText()).isEqualTo("2");
        assertThat(stored.at("/payload/dateSigned").asText()).isEqualTo("2025-04-20");
    }

    @Test
    void aBareNameIsTakenAsAPartyWhoseIdAndNameItIs() {
        String projectId = admin.register("BN-1", "Beilun");
        Api.Response paid = owner.post("/api/projects/" + projectId + "/transactions", """
                {"id": "pay-1", "kind": "payment", "date": "2025-05-01",
                 "value": {"amount": "10.00", "currency": "CNY"}, "payer": %s, "payee": "Acme Construction"}"""
                .formatted(FINANCE));
        assertThat(paid.status()).as(paid.raw().body()).isEqualTo(200);

        JsonNode payment = owner.get("/api/projects/" + projectId).json().at("/transactions/pay-1");
        assertThat(payment.get("payee")).isEqualTo(JSON.createObjectNode()
                .put("id", "Acme Construction").put("name", "Acme Construction"));
        assertThat(payment.at("/payer/id").asText()).isEqualTo("CN-USCC-11330200002564321X");
    }

    @Test
    void theServiceServesItsOpenApiDocument() {
        JsonNode document = owner.get("/v3/api-docs").json();

        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.get("paths").has("/api/projects/{projectId}/transactions")).isTrue();
        assertThat(document.get("paths").has("/api/events")).isTrue();
        assertThat(document.at("/paths/~1api~1projects~1{projectId}/get/parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("projectId", "asOf");
        for (String list : List.of("/~1api~1projects/get", "/~1api~1projects~1parked/get")) {
            JsonNode operation = document.at("/paths" + list);
            assertThat(operation.get("parameters").findValuesAsText("name")).as(list).contains("limit", "after")
                    .doesNotContain("page", "size");
            String page = operation.at("/responses/200/content").elements().next().at("/schema/$ref").asText();
            assertThat(document.at("/components/schemas/" + page.substring(page.lastIndexOf('/') + 1) + "/required"))
                    .extracting(JsonNode::asText).as(list).contains("items", "next");
        }
        assertThat(document.at("/components/schemas/PageListedProject/properties").has("total")).isTrue();

        // each command on a project is conditional on If-Match; registration and reads are not
        JsonNode paths = document.get("paths");
        List<String> commands = new java.util.ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/projects/{projectId}/") && path.getValue().has("post")) {
                commands.add(path.getKey());
                assertThat(headerParameters(path.getValue().get("post"))).as(path.getKey()).containsExactly("If-Match");
            }
        });
        assertThat(commands).hasSize(15);
        assertThat(headerParameters(paths.at("/~1api~1projects/post"))).isEmpty();
        assertThat(headerParameters(paths.at("/~1api~1projects~1{projectId}/get"))).isEmpty();
        assertThat(paths.at("/~1api~1projects~1{projectId}~1progress/post/parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("projectId", "If-Match");

        // parties are one schema, an object of id and name that says a bare string is taken as both
        JsonNode schemas = document.at("/components/schemas");
        JsonNode party = schemas.get("OrganisationReference");
        assertThat(party.get("type").asText()).isEqualTo("object");
        assertThat(party.get("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("id", "name");
        assertThat(party.get("description").asText()).contains("A bare string is accepted as both id and name");
        String reference = "#/components/schemas/OrganisationReference";
        for (String field : List.of("AwardContract/properties/supplier", "Transaction/properties/payer",
                "Transaction/properties/payee", "Inspection/properties/inspector", "ContractState/properties/supplier",
                "TransactionRecorded/properties/payee", "InspectionState/properties/inspector")) {
            assertThat(schemas.at("/" + field + "/$ref").asText()).as(field).isEqualTo(reference);
        }
        assertThat(schemas.at("/AwardContract/properties/dateSigned/format").asText()).isEqualTo("date");
        assertThat(schemas.at("/ContractState/properties/dateSigned/format").asText()).isEqualTo("date");
        saveIfAsked(owner.get("/v3/api-docs").raw().body());
    }

    /** {@code -Djianhu.openapi.save=<file>} saves the document as served, for the console's generated types. */
    private static void saveIfAsked(String document) {
        String file = System.getProperty("jianhu.openapi.save");
        if (file != null && !file.isBlank()) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(file), document);
            } catch (java.io.IOException unwritable) {
                throw new java.io.UncheckedIOException(unwritable);
            }
        }
    }

    @Test
    void theRelayReportsItsLagInHealthAndMetrics() {
        admin.register("LAG-1", "Haishu");
        Api management = Api.anonymous(managementPort);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(management.get("/actuator/health").json().at("/components/relay/details/lag").asLong())
                        .isZero());
        assertThat(management.get("/actuator/prometheus").raw().body())
                .contains("jianhu_relay_lag_events")
                .contains("jianhu_eventstore_held_back_events");
    }

    private List<String> eventTypes(String projectId) {
        List<String> types = new java.util.ArrayList<>();
        owner.get("/api/projects/" + projectId + "/history").json().forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private static List<String> headerParameters(JsonNode operation) {
        assertThat(operation.isObject()).as("operation documented").isTrue();
        List<String> names = new java.util.ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asText())) {
                names.add(parameter.get("name").asText());
            }
        });
        return names;
    }

    private BoundQueue.Delivery deliveryOf(String eventId) {
        return everything.received().stream()
                .filter(delivery -> eventId.equals(delivery.properties().getMessageId()))
                .findFirst().orElse(null);
    }

    private static void awaitClockPast(Instant instant) {
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(instant.plusMillis(5)));
    }
}
