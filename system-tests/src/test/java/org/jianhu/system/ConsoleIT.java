package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real Chromium against the whole running system, each role driven through the pages only
 * (the projects themselves are set up through the API): the closing loop by clicks, the S-curve's data, a
 * refused form, what an auditor and a supervisor of another region see, markup shown as text. Each screen is
 * saved under target/screenshots/.
 */
class ConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;
    private static GatewayClient admin;
    private static GatewayClient owner;
    private static String projectId;
    private static String alertedProjectId;

    /** CON-1 for the closing loop by clicks; CON-2 with a red alert already raised, for the readers. */
    @BeforeAll
    static void startTheSystemWithTwoProjects() throws IOException {
        system = RunningSystem.start("console");
        admin = GatewayClient.as(system, "admin-chen");
        owner = GatewayClient.as(system, "owner-zhang");
        projectId = contractedAndTenPercentBuilt("CON-1", "Harbour road viaduct (港湾路高架)");
        alertedProjectId = contractedAndTenPercentBuilt("CON-2", "Coastal flood wall (海塘)");
        owner.post("/api/projects/" + alertedProjectId + "/transactions", """
                {"id": "pay-1", "kind": "payment", "date": "2025-07-01",
                 "payee": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                 "contractId": "c-1", "value": {"amount": "6000000.00", "currency": "CNY"}}""");
        GatewayClient supervisor = GatewayClient.as(system, "sup-li");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> supervisor.get("/api/risk/projects/" + projectId).at("/project/code").asText().equals("CON-1"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> supervisor.get("/api/alerts?project=" + alertedProjectId).get("items").size() == 1);
    }

    private static String contractedAndTenPercentBuilt(String code, String title) {
        String id = admin.post("/api/projects", """
                {"code": "%s", "title": "%s", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "transport-bureau", "budget": {"amount": "50000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"}, "supervisors": ["sup-li"]}"""
                .formatted(code, title)).get("projectId").asText();
        String project = "/api/projects/" + id;
        admin.post(project + "/approval", "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-3\"}");
        owner.post(project + "/contracts", """
                {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                 "numberOfTenderers": 4, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-03-10"},
                 "costEstimate": {"amount": "11000000.00", "currency": "CNY"}},
                 "supplier": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                 "contractValue": {"amount": "10000000.00", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-04-01", "endDate": "2027-06-30"},
                 "dateSigned": "2025-03-20"}""");
        owner.post(project + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-30\"}");
        return id;
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aPaymentAheadOfProgressLightsUpRedR01ForTheSupervisorWithinTwoSecondsAndIsClosedByClicks() throws IOException {
        try (ConsoleBrowser inbox = ConsoleBrowser.open(system);
             ConsoleBrowser board = ConsoleBrowser.open(system);
             ConsoleBrowser clerk = ConsoleBrowser.open(system)) {
            board.load("/signin");
            board.find("[data-signin='sup-li']");
            board.screenshot("signin");
            board.signInAs("sup-li");
            board.find("[data-project-row='CON-1']");
            assertThat(board.text("[data-project-row='CON-1'] [data-rules]")).doesNotContain("R01");
            inbox.signInAs("sup-li").go("/alerts");
            inbox.find("[data-inbox]");
            inbox.awaitTrue(() -> inbox.text("[data-live]").equals("实时已连接"));
            board.awaitTrue(() -> board.text("[data-live]").equals("实时已连接"));

            clerk.signInAs("owner-zhang");
            clerk.chooseContaining("[data-record-project]", "CON-1");
            clerk.choose("[data-record-form]", "transaction");
            clerk.type("[data-field='id']", "pay-1");
            clerk.choose("[data-field='kind']", "payment");
            // paid today and recorded at once, as an owner does: the payment is ahead of progress, not late (R18)
            clerk.date("[data-field='date']", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
            clerk.type("[data-field='value.amount']", "5000000.00");
            clerk.type("[data-field='payee.id']", "CN-USCC-91330200MA2CW0001K");
            clerk.type("[data-field='payee.name']", "Coastal Works");
            clerk.type("[data-field='contractId']", "c-1");
            clerk.screenshot("record");
            clerk.script("arguments[0].click(); arguments[0].click();", clerk.find("[data-submit]"));
            clerk.find("[data-recorded]");

            String r01 = "[data-alert-row][data-rule='R01'][data-level='RED'][data-project-code='CON-1']";
            await().atMost(Duration.ofSeconds(2)).ignoreExceptions().until(() -> !inbox.all(r01).isEmpty());
            await().atMost(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> !board.all("[data-project-row='CON-1'][data-level='RED']").isEmpty());
            assertThat(board.text("[data-project-row='CON-1'] [data-rules]")).contains("R01");
            assertThat(inbox.all("[data-notice]")).isNotEmpty();
            assertThat(inbox.neverReloaded()).isTrue();
            assertThat(board.neverReloaded()).isTrue();
            assertThat(payments(owner.get("/api/projects/" + projectId + "/history"))).as("a double click records once")
                    .isEqualTo(1);
            board.screenshot("portfolio");

            String alertId = inbox.attribute(r01, "data-alert-row");
            inbox.click("[data-open-alert='" + alertId + "']");
            awaitSteps(inbox, "assignment", "dismissal");
            inbox.click("[data-step='assignment']");
            assertThat(inbox.find("[data-field='organisation']").getDomProperty("value")).isEqualTo("transport-bureau");
            inbox.type("[data-field='comment']", "stop paying ahead of the works");
            inbox.click("[data-submit-step]");
            awaitDetail(inbox, "assigned", "RED");
            awaitSteps(inbox, "dismissal");

            clerk.go("/alerts");
            clerk.click("[data-open-alert='" + alertId + "']");
            awaitSteps(clerk, "rectification");
            clerk.click("[data-step='rectification']");
            clerk.type("[data-field='comment']", "payment schedule tied to measured progress");
            clerk.click("[data-submit-step]");
            awaitDetail(clerk, "rectificationReported", "RED");

            // the supervisor's open alert follows the owner's step live, still red until it is verified
            awaitDetail(inbox, "rectificationReported", "RED");
            inbox.screenshot("alerts");
            awaitSteps(inbox, "acceptance", "rejection", "dismissal");
            inbox.click("[data-step='acceptance']");
            inbox.type("[data-field='comment']", "schedule checked");
            inbox.click("[data-submit-step]");
            awaitDetail(inbox, "verified", null);
            inbox.click("[data-step='closure']");
            inbox.type("[data-field='comment']", "销号");
            inbox.click("[data-submit-step]");
            awaitDetail(inbox, "closed", null);
            awaitSteps(inbox);
            assertThat(inbox.all("[data-timeline-step]")).extracting(e -> e.getDomAttribute("data-timeline-step"))
                    .containsSubsequence("raised", "assigned", "rectificationReported", "verified", "closed");
            assertThat(system.token("sup-li")).isNotBlank();
            assertThat(GatewayClient.as(system, "aud-sun").get("/api/alerts/" + alertId).get("status").asText())
                    .isEqualTo("closed");

            inbox.go("/projects/" + projectId);
            inbox.find("[data-open-signals] [data-signal='R01'] [data-evidence]");
            inbox.screenshot("project");
        }
    }

    @Test
    void theSCurveShowsExactlyThePointsTheApiReturns() throws IOException {
        JsonNode series = GatewayClient.as(system, "sup-li").get("/api/risk/projects/" + projectId).get("plannedVersusActual");
        try (ConsoleBrowser supervisor = ConsoleBrowser.open(system)) {
            supervisor.signInAs("sup-li").go("/projects/" + projectId);
            supervisor.find("[data-chart-name='s-curve']");
            supervisor.awaitTrue(() -> supervisor.script("return arguments[0].jianhuChart !== undefined",
                    supervisor.find("[data-chart-name='s-curve']")).equals(Boolean.TRUE));

            JsonNode drawn = JSON.readTree((String) supervisor.script("return JSON.stringify(arguments[0].jianhuChart"
                    + ".getOption().series.map(s => ({id: s.id, data: s.data})))", supervisor.find("[data-chart-name='s-curve']")));

            assertThat(points(drawn, "planned")).isEqualTo(pairs(series.get("planned"), "percent"));
            assertThat(points(drawn, "physical")).isEqualTo(pairs(series.get("physicalProgress"), "percent"));
            assertThat(points(drawn, "financial")).isEqualTo(pairs(series.get("cumulativePayments"), "percentOfContractValue"));
            assertThat(points(drawn, "physical")).containsExactly(List.of("2025-06-30", "10.0"));
        }
    }

    @Test
    void anInvalidEntryShowsTheFieldsErrorFromTheApiAndRecordsNothing() throws IOException {
        int before = owner.get("/api/projects/" + projectId + "/history").size();
        try (ConsoleBrowser clerk = ConsoleBrowser.open(system)) {
            clerk.signInAs("owner-zhang");
            clerk.chooseContaining("[data-record-project]", "CON-1");
            clerk.choose("[data-record-form]", "progress");
            clerk.type("[data-field='physicalProgress']", "150");
            clerk.date("[data-field='date']", "2025-08-01");
            clerk.click("[data-submit]");

            clerk.awaitTrue(() -> !clerk.text("[data-field-error='physicalProgress']").isBlank());
            assertThat(clerk.text("[data-field-error='physicalProgress']")).contains("physicalProgress", "150");
            assertThat(clerk.attribute("[data-field='physicalProgress']", "aria-invalid")).isEqualTo("true");
            assertThat(clerk.text("[data-field-error='date']")).isBlank();
            assertThat(clerk.all("[data-recorded]")).isEmpty();
            clerk.screenshot("record-invalid");
        }
        assertThat(owner.get("/api/projects/" + projectId + "/history").size()).isEqualTo(before);
    }

    @Test
    void anAuditorSeesNoWriteControlsAndASupervisorOfAnotherRegionDoesNotSeeTheProject() throws IOException {
        try (ConsoleBrowser auditor = ConsoleBrowser.open(system);
             ConsoleBrowser elsewhere = ConsoleBrowser.open(system)) {
            auditor.signInAs("aud-sun");
            auditor.find("[data-project-row='CON-1']");
            assertThat(auditor.all("[data-nav]")).extracting(e -> e.getDomAttribute("data-nav"))
                    .containsExactly("portfolio", "alerts", "audit");
            auditor.go("/record");
            auditor.awaitTrue(() -> auditor.script("return window.location.hash").equals("#/portfolio"));
            auditor.go("/projects/" + projectId);
            auditor.find("[data-project='CON-1'] [data-history]");
            auditor.go("/alerts");
            auditor.find("[data-inbox]");
            String alertId = GatewayClient.as(system, "aud-sun").get("/api/alerts?project=" + alertedProjectId)
                    .at("/items/0/id").asText();
            auditor.click("[data-open-alert='" + alertId + "']");
            auditor.find("[data-alert-detail]");
            assertThat(auditor.all("[data-step]")).isEmpty();
            assertThat(auditor.all("form [type='submit']")).as("no form that writes").isEmpty();
            auditor.go("/audit");
            auditor.find("[data-log-event='ProjectRegistered']");
            // the console checks the latest checkpoint's signature itself, with the log's verifier key
            auditor.awaitTrue(() -> auditor.text("[data-integrity]").startsWith("记录已验证至检查点"));
            auditor.screenshot("audit");

            elsewhere.signInAs("sup-wang");
            elsewhere.find("[data-board]");
            assertThat(elsewhere.all("[data-project-row='CON-2']")).isEmpty();
            elsewhere.awaitTrue(() -> elsewhere.text("[data-totals]").contains("0 / 0") || elsewhere.text("[data-totals]").contains("of 0"));
            assertThat(elsewhere.all("[data-project-row='CON-1']")).isEmpty();
            elsewhere.go("/projects/" + projectId);
            assertThat(elsewhere.text("[data-problem]")).isNotBlank();
            assertThat(elsewhere.all("[data-project]")).isEmpty();
        }
    }

    @Test
    void aTitleWithMarkupIsShownAsTextAndNeverRun() throws IOException {
        String markup = "<img src=x onerror=\"window.jianhuInjected=1\">";
        try (ConsoleBrowser chen = ConsoleBrowser.open(system)) {
            chen.signInAs("admin-chen").go("/admin");
            chen.type("[data-form='register'] [data-field='code']", "CON-XSS");
            chen.type("[data-form='register'] [data-field='title']", markup);
            chen.choose("[data-form='register'] [data-field='type']", "construction");
            chen.type("[data-form='register'] [data-field='region']", "Haishu");
            chen.type("[data-form='register'] [data-field='ownerOrganisation']", "transport-bureau");
            chen.type("[data-form='register'] [data-field='budget.amount']", "1000000.00");
            chen.date("[data-form='register'] [data-field='plannedPeriod.startDate']", "2026-01-01");
            chen.date("[data-form='register'] [data-field='plannedPeriod.endDate']", "2026-12-31");
            chen.type("[data-form='register'] [data-field='supervisors']", "sup-li");
            chen.click("[data-form='register'] [data-submit]");
            chen.find("[data-form='register'] [data-recorded]");
            chen.find("[data-rules] [data-rule='R01']");
            chen.screenshot("admin");

            chen.go("/portfolio");
            String row = "[data-project-row='CON-XSS'] [data-title]";
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                chen.reload();
                return chen.find(row).getText().equals(markup);
            });
            assertThat(chen.all("[data-board] img")).isEmpty();
            assertThat(chen.script("return window.jianhuInjected === undefined")).isEqualTo(Boolean.TRUE);
        }
    }

    private static List<List<String>> points(JsonNode drawn, String id) {
        for (JsonNode series : drawn) {
            if (series.get("id").asText().equals(id)) {
                List<List<String>> points = new ArrayList<>();
                series.get("data").forEach(point -> points.add(List.of(point.get(0).asText(), decimal(point.get(1)))));
                return points;
            }
        }
        throw new AssertionError("no series " + id + " in " + drawn);
    }

    private static List<List<String>> pairs(JsonNode apiPoints, String percentField) {
        List<List<String>> points = new ArrayList<>();
        apiPoints.forEach(point -> {
            if (!point.path(percentField).isNull() && !point.path(percentField).isMissingNode()) {
                points.add(List.of(point.get("date").asText(), decimal(point.get(percentField))));
            }
        });
        return points;
    }

    private static String decimal(JsonNode number) {
        return Double.toString(number.asDouble());
    }

    private static void awaitDetail(ConsoleBrowser browser, String status, String level) {
        String detail = "[data-alert-detail][data-status='" + status + "']" + (level == null ? "" : "[data-level='" + level + "']");
        browser.find(detail);
    }

    /** The closing steps the open alert offers, once they are these. */
    private static void awaitSteps(ConsoleBrowser browser, String... expected) {
        browser.awaitTrue(() -> stepsOffered(browser).equals(List.of(expected)));
    }

    private static List<String> stepsOffered(ConsoleBrowser browser) {
        List<String> steps = new ArrayList<>();
        browser.all("[data-steps] [data-step]").forEach(button -> steps.add(button.getDomAttribute("data-step")));
        return steps;
    }

    private static long payments(JsonNode history) {
        long count = 0;
        for (JsonNode event : history) {
            if (event.get("type").asText().equals("TransactionRecorded")) {
                count++;
            }
        }
        return count;
    }
}
