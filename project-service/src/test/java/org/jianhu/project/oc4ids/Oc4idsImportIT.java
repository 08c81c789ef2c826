package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jianhu.project.support.Api;
import org.jianhu.project.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing OC4IDS project packages and exporting projects as packages, end to end on the real store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Oc4idsImportIT extends RunningService {

    private static final String IMPORT = "/api/oc4ids/import?region=Haishu&supervisors=sup-li";
    private static final String EXAMPLE_CODE = "oc4ids-bu3kcz-m75-junctions-4-to-5-smart-motorway";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theStandardsExampleInPoundsIsRefusedWholeInStrictModeAndRecordsNothing() {
        Api.Response refused = admin.post(IMPORT, Oc4idsExamples.text(Oc4idsExamples.example()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:jianhu:problem:oc4ids-not-importable");
        assertThat(entries(refused.json().get("problems"))).anySatisfy(problem -> {
            assertThat(problem.get("path").asText()).isEqualTo("$.projects[0].budget.amount");
            assertThat(problem.get("why").asText()).contains("CNY");
        });
        assertThat(codeTaken(EXAMPLE_CODE)).isFalse();
    }

    @Test
    void inPartialModeAProjectWhoseBudgetCannotBeRecordedIsNotRegisteredAndTheReportSaysWhy() {
        ObjectNode example = Oc4idsExamples.example();
        ((ObjectNode) example.get("projects").get(0)).put("id", "example-in-pounds");

        Api.Response partial = admin.post(IMPORT + "&mode=partial", Oc4idsExamples.text(example));

        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().at("/projects/0/registered").asBoolean()).isFalse();
        assertThat(entries(partial.json().get("problems"))).extracting(problem -> problem.get("path").asText())
                .contains("$.projects[0].budget.amount", "$.projects[0]");
        assertThat(codeTaken("example-in-pounds")).isFalse();
    }

    @Test
    void theExampleInYuanIsRefusedInStrictModeAndRecordedWithoutWhatCannotBeInPartialModeOnce() {
        ObjectNode example = Oc4idsExamples.inYuan();
        ((ObjectNode) example.get("projects").get(0)).put("id", "example-in-yuan");

        Api.Response strict = admin.post(IMPORT, Oc4idsExamples.text(example));
        assertThat(strict.status()).isEqualTo(422);
        assertThat(codeTaken("example-in-yuan")).isFalse();
        List<String> strictProblems = entries(strict.json().get("problems")).stream()
                .map(problem -> problem.get("path").asText()).toList();
        assertThat(strictProblems).contains("$.projects[0].status");

        Api.Response partial = admin.post(IMPORT + "&mode=partial", Oc4idsExamples.text(example));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(entries(partial.json().get("problems"))).extracting(problem -> problem.get("path").asText())
                .containsAll(strictProblems).contains("$.projects[0].contractingProcesses[0].summary.dateSigned",
                        "$.projects[0].contractingProcesses[1].summary.dateSigned",
                        "$.projects[0].contractingProcesses[0].summary.modifications[0]");
        assertThat(entries(partial.json().get("notKept"))).extracting(entry -> entry.get("path").asText())
                .contains("$.projects[0].locations", "$.projects[0].sector", "$.projects[0].budget.finance");
        String projectId = partial.json().at("/projects/0/projectId").asText();
        List<String> types = historyTypes(projectId);
        assertThat(types).startsWith("ProjectRegistered").contains("ProjectApproved", "MilestonePlanned",
                "MilestoneStatusReported", "TransactionRecorded", "ProgressReported").endsWith("ProjectCompleted")
                .doesNotContain("ContractAwarded");
        assertThat(types).filteredOn("ProgressReported"::equals).hasSize(3);

        Api.Response again = admin.post(IMPORT + "&mode=partial", Oc4idsExamples.text(example));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/projects/0/recorded").asInt()).isZero();
        assertThat(again.json().at("/projects/0/alreadyRecorded").asInt()).isEqualTo(types.size() - 1);
        assertThat(historyTypes(projectId)).isEqualTo(types);
    }

    @Test
    void aPackageJianhuExportedImportsCleanlyAsAProjectWithTheSameRecord() throws Exception {
        String projectId = admin.register("OC-RT-1", "Haishu");
        recordEveryKindOfFact(projectId);
        Api.Response exported = auditor.get("/api/projects/" + projectId + "/oc4ids");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(new PackageSchema().violations(exported.json())).isEmpty();

        ObjectNode copy = exported.json().deepCopy();
        ((ObjectNode) copy.get("projects").get(0)).put("id", "OC-RT-1-COPY");
        Api.Response imported = admin.post(IMPORT, JSON.writeValueAsString(copy));

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("problems")).isEmpty();
        assertThat(imported.json().get("notKept")).isEmpty();
        String copyId = imported.json().at("/projects/0/projectId").asText();
        JsonNode reExported = auditor.get("/api/projects/" + copyId + "/oc4ids").json();
        assertThat(withoutIdentity(reExported)).isEqualTo(withoutIdentity(exported.json()));
    }

    @Test
    void aPackageThatDoesNotFollowTheSchemaIsRefusedWithEachViolationsPath() {
        ObjectNode broken = Oc4idsExamples.inYuan();
        broken.remove("publisher");
        ((ObjectNode) broken.get("projects").get(0)).put("id", "broken-package").put("status", "dreaming");

        Api.Response refused = admin.post(IMPORT, Oc4idsExamples.text(broken));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:jianhu:problem:invalid-request");
        assertThat(entries(refused.json().get("errors"))).extracting(error -> error.get("field").asText())
                .contains("$", "$.projects[0].status");
        assertThat(codeTaken("broken-package")).isFalse();
    }

    @Test
    void onlyAnAdminImports() {
        ObjectNode example = Oc4idsExamples.inYuan();
        ((ObjectNode) example.get("projects").get(0)).put("id", "owner-import");

        Api.Response refused = owner.post(IMPORT + "&mode=partial", Oc4idsExamples.text(example));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:jianhu:problem:forbidden");
        assertThat(codeTaken("owner-import")).isFalse();
    }

    @Test
    void aRegionOrSupervisorRegistrationWouldRefuseIsRefusedNamingTheParameterAndRecordsNothing() {
        ObjectNode example = Oc4idsExamples.inYuan();
        ((ObjectNode) example.get("projects").get(0)).put("id", "unsupervised-import");

        Api.Response refused = admin.post("/api/oc4ids/import?mode=partial&region=Haishu&supervisors=sup-nobody",
                Oc4idsExamples.text(example));
        Api.Response badMode = admin.post(IMPORT + "&mode=lenient", Oc4idsExamples.text(example));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("supervisors");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.json().at("/errors/0/field").asText()).isEqualTo("mode");
        assertThat(codeTaken("unsupervised-import")).isFalse();
    }

    @Test
    void theExportIsReadLikeTheProject() {
        String projectId = admin.register("OC-READ-1", "Haishu");
        Api.Response stranger = new Api(port, "owner-zhang", "owner", "water-bureau", null)
                .get("/api/projects/" + projectId + "/oc4ids");
        Api.Response unknown = auditor.get("/api/projects/no-such-project/oc4ids");

        assertThat(stranger.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(owner.get("/api/projects/" + projectId + "/oc4ids").status()).isEqualTo(200);
    }

    private void recordEveryKindOfFact(String projectId) {
        String base = "/api/projects/" + projectId;
        expectOk(admin.post(base + "/approval", """
                {"approvalDate": "2025-01-20", "approvalDocumentNumber": "NB-DRC-2025-7"}"""));
        expectOk(owner.post(base + "/milestones", """
                {"id": "m-1", "title": "Foundations", "type": "delivery", "dueDate": "2025-06-30",
                 "value": {"amount": "2000000.00", "currency": "CNY"}}"""));
        expectOk(owner.post(base + "/milestones", """
                {"id": "m-2", "title": "Deck", "type": "delivery", "dueDate": "2025-09-30"}"""));
        expectOk(owner.post(base + "/transactions", """
                {"id": "t-1", "kind": "appropriation", "date": "2025-02-01",
                 "value": {"amount": "30000000.00", "currency": "CNY"},
                 "payer": {"id": "finance-bureau", "name": "Finance bureau"}}"""));
        expectOk(owner.post(base + "/contracts", """
                {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                 "numberOfTenderers": 4, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-02-28"},
                 "costEstimate": {"amount": "60000000.00", "currency": "CNY"}},
                 "supplier": {"id": "CN-USCC-913302001234567890", "name": "Ningbo Road and Bridge"},
                 "contractValue": {"amount": "58000000.00", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-03-15", "endDate": "2026-12-31"}, "dateSigned": "2025-03-10"}"""));
        expectOk(owner.post(base + "/contracts/c-1/modifications", """
                {"id": "co-1", "date": "2025-05-01", "type": "value", "rationale": "Deeper piles",
                 "newContractValue": {"amount": "64000000.00", "currency": "CNY"}}"""));
        expectOk(owner.post(base + "/contracts/c-1/modifications", """
                {"id": "co-2", "date": "2025-05-02", "type": "duration", "rationale": "Typhoon season",
                 "newContractPeriod": {"startDate": "2025-03-15", "endDate": "2027-03-31"}}"""));
        expectOk(owner.post(base + "/milestones/m-1/status", """
                {"status": "met", "dateMet": "2025-07-05"}"""));
        expectOk(owner.post(base + "/transactions", """
                {"id": "t-2", "kind": "payment", "date": "2025-07-10",
                 "value": {"amount": "20000000.00", "currency": "CNY"}, "payer": "owner-org",
                 "payee": {"id": "CN-USCC-913302001234567890", "name": "Ningbo Road and Bridge"},
                 "contractId": "c-1", "relatedImplementationMilestone": "m-1"}"""));
        expectOk(owner.post(base + "/progress", """
                {"physicalProgress": 25, "date": "2025-07-31"}"""));
        expectOk(owner.post(base + "/milestones/m-2/status", """
                {"status": "notMet"}"""));
        expectOk(owner.post(base + "/progress", """
                {"physicalProgress": 100, "date": "2026-10-31"}"""));
        expectOk(owner.post(base + "/completion", """
                {"endDate": "2026-11-15", "finalValue": {"amount": "64000000.00", "currency": "CNY"},
                 "finalScope": "The bridge"}"""));
    }

    private static void expectOk(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    /** A package without what names the record it came from: its uri, publication date and project code. */
    private static JsonNode withoutIdentity(JsonNode projectPackage) {
        ObjectNode copy = projectPackage.deepCopy();
        copy.remove(List.of("uri", "publishedDate"));
        ((ObjectNode) copy.get("projects").get(0)).remove("id");
        return copy;
    }

    private List<String> historyTypes(String projectId) {
        List<String> types = new ArrayList<>();
        auditor.get("/api/projects/" + projectId + "/history").json().forEach(event -> types.add(event.get("type")
                .asText()));
        return types;
    }

    private boolean codeTaken(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM project_code WHERE code = ?)",
                Boolean.class, code));
    }

    private static List<JsonNode> entries(JsonNode array) {
        List<JsonNode> entries = new ArrayList<>();
        if (array != null) {
            array.forEach(entries::add);
        }
        return entries;
    }
}
