package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.jianhu.project.project.ApproveProjectCommand;
import org.jianhu.project.support.Api;
import org.jianhu.project.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing OC4IDS project packages and exporting projects as packages, end to end on the real store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Oc4idsImportIT extends RunningService {

    private static final String IMPORT = "/api/oc4ids/import?region=Haishu&supervisors=sup-li";
    private static final String EXAMPLE_CODE = "oc4ids-bu3kcz-m75-junctions-4-to-5-smart-motorway";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private CommandBus commandBus;

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

    @Test
    void aStrictImportReportsEveryFactThePackageCannotRecordNotOnlyTheFirstAndRecordsNothing() throws Exception {
        ObjectNode strictPackage = Oc4idsExamples.inYuan();
        ((ObjectNode) strictPackage.get("projects").get(0)).put("id", "several-refusals");
        ObjectNode partialPackage = Oc4idsExamples.inYuan();
        ((ObjectNode) partialPackage.get("projects").get(0)).put("id", "several-refusals-partial");
        long eventsBefore = storedEvents();

        List<Object> dispatched = new CopyOnWriteArrayList<>();
        Api.Response strict = whileWatchingDispatches(command -> dispatched.add(command),
                () -> admin.post(IMPORT, Oc4idsExamples.text(strictPackage)));

        assertThat(strict.status()).isEqualTo(422);
        List<String> strictPaths = entries(strict.json().get("problems")).stream()
                .map(problem -> problem.get("path").asText()).toList();
        assertThat(strictPaths).contains("$.projects[0].contractingProcesses[0].summary.dateSigned",
                "$.projects[0].contractingProcesses[1].summary.dateSigned",
                "$.projects[0].contractingProcesses[0].summary.modifications[0]", "$.projects[0].status");
        assertThat(dispatched).as("commands sent by a strict import that its dry run refused").isEmpty();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(codeTaken("several-refusals")).isFalse();
        Api.Response partial = admin.post(IMPORT + "&mode=partial", Oc4idsExamples.text(partialPackage));
        assertThat(entries(partial.json().get("problems"))).extracting(problem -> problem.get("path").asText())
                .as("the dry run refuses what recording refuses, fact by fact").isEqualTo(strictPaths);
    }

    /**
     * The event store's readers wait behind the oldest transaction of the database that has written: a strict
     * import holds none across its commands. Each command of it finds its transaction with nothing written yet
     * (no transaction id assigned), as one held around the package would have from its first command on.
     */
    @Test
    void aStrictImportRecordsEachCommandInATransactionOfItsOwnOnceTheDryRunPassed() throws Exception {
        String projectId = admin.register("OC-OWN-TX-1", "Haishu");
        recordEveryKindOfFact(projectId);
        ObjectNode copy = auditor.get("/api/projects/" + projectId + "/oc4ids").json().deepCopy();
        ((ObjectNode) copy.get("projects").get(0)).put("id", "OC-OWN-TX-1-COPY");

        List<String> writtenBeforeEachCommand = new CopyOnWriteArrayList<>();
        Api.Response imported = whileWatchingDispatches(command -> writtenBeforeEachCommand.add(String.valueOf(
                        jdbc.queryForObject("SELECT CAST(pg_current_xact_id_if_assigned() AS text)", String.class))),
                () -> admin.post(IMPORT, JSON.writeValueAsString(copy)));

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(writtenBeforeEachCommand).hasSize(imported.json().at("/projects/0/recorded").asInt())
                .hasSizeGreaterThan(10).containsOnly("null");

        List<Object> sentAgain = new CopyOnWriteArrayList<>();
        Api.Response again = whileWatchingDispatches(sentAgain::add,
                () -> admin.post(IMPORT, JSON.writeValueAsString(copy)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/projects/0/recorded").asInt()).isZero();
        assertThat(sentAgain).as("commands sent by importing the same package again").isEmpty();
    }

    @Test
    void aPackageNamingOneProjectTwiceIsRefusedByTheDryRun() throws Exception {
        String projectId = admin.register("OC-TWICE-SOURCE", "Haishu");
        ObjectNode twice = auditor.get("/api/projects/" + projectId + "/oc4ids").json().deepCopy();
        ((ObjectNode) twice.get("projects").get(0)).put("id", "OC-TWICE");
        // told apart by its title, since the schema takes no two projects alike
        ((ArrayNode) twice.get("projects")).add(((ObjectNode) twice.get("projects").get(0).deepCopy())
                .put("title", "The same project, retitled"));

        Api.Response refused = admin.post(IMPORT, JSON.writeValueAsString(twice));

        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
        assertThat(entries(refused.json().get("problems"))).singleElement().satisfies(problem -> {
            assertThat(problem.get("path").asText()).isEqualTo("$.projects[1].id");
            assertThat(problem.get("why").asText()).contains("twice");
        });
        assertThat(codeTaken("OC-TWICE")).isFalse();
    }

    /**
     * Another admin approves the project between the dry run and the recording: the import stops at its own
     * approval, says what it recorded up to there, and importing the package again records the rest.
     */
    @Test
    void aWriteBetweenTheDryRunAndTheRecordingStopsTheStrictImportThereAndSaysWhatItRecorded() throws Exception {
        String exportedId = admin.register("OC-RACE-SOURCE", "Haishu");
        recordEveryKindOfFact(exportedId);
        String projectId = admin.register("OC-RACE-1", "Haishu");
        ObjectNode racing = auditor.get("/api/projects/" + exportedId + "/oc4ids").json().deepCopy();
        ((ObjectNode) racing.get("projects").get(0)).put("id", "OC-RACE-1");
        AtomicBoolean approvedMeanwhile = new AtomicBoolean();

        Api.Response interrupted = whileWatchingDispatches(command -> {
            if (command instanceof ApproveProjectCommand && approvedMeanwhile.compareAndSet(false, true)) {
                expectOk(admin.post("/api/projects/" + projectId + "/approval", """
                        {"approvalDate": "2025-01-21", "approvalDocumentNumber": "NB-DRC-2025-8"}"""));
            }
        }, () -> admin.post(IMPORT, JSON.writeValueAsString(racing)));

        assertThat(interrupted.status()).as(interrupted.raw().body()).isEqualTo(409);
        assertThat(interrupted.json().get("type").asText()).isEqualTo("urn:jianhu:problem:conflict");
        assertThat(interrupted.json().get("detail").asText()).contains("dry run").contains("Import the package again");
        assertThat(entries(interrupted.json().get("problems"))).singleElement().satisfies(problem -> {
            assertThat(problem.get("path").asText()).isEqualTo("$.projects[0].budget.approvalDate");
            assertThat(problem.get("why").asText()).contains("already approved");
        });
        assertThat(interrupted.json().at("/projects/0/recorded").asInt())
                .as("the milestones planned before the approval").isEqualTo(2);
        assertThat(historyTypes(projectId)).containsExactly("ProjectRegistered", "MilestonePlanned",
                "MilestonePlanned", "ProjectApproved");

        Api.Response again = admin.post(IMPORT, JSON.writeValueAsString(racing));
        assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        assertThat(again.json().at("/projects/0/alreadyRecorded").asInt()).isEqualTo(3);
        assertThat(historyTypes(projectId)).hasSameSizeAs(historyTypes(exportedId)).endsWith("ProjectCompleted");
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

    /**
     * Runs {@code during} with {@code onDispatch} called on each command the service dispatches, in the
     * dispatching thread (in its transaction, if it has one) before the command is handled.
     */
    private <T> T whileWatchingDispatches(Consumer<Object> onDispatch, Callable<T> during) throws Exception {
        Registration watching = commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            onDispatch.accept(message.getPayload());
            return message;
        });
        try {
            return during.call();
        } finally {
            watching.cancel();
        }
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
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
