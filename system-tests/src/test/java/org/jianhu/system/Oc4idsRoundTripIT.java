package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A project's record leaves as an OC4IDS package and comes back as another project of the same system, through
 * the gateway: the copy shows supervision the same risk picture (open signals by rule, subject and level).
 */
class Oc4idsRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;
    private static GatewayClient admin;
    private static GatewayClient owner;
    private static GatewayClient supervisor;

    @BeforeAll
    static void startTheSystem() throws IOException {
        system = RunningSystem.start("oc4ids");
        admin = GatewayClient.as(system, "admin-chen");
        owner = GatewayClient.as(system, "owner-zhang");
        supervisor = GatewayClient.as(system, "sup-li");
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aProjectExportedAndImportedUnderANewCodeShowsTheSameRiskPicture() throws Exception {
        String original = recordAProjectWithEveryKindOfFact("RT-1");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(picture(original))
                .anyMatch(signal -> signal.startsWith("R11 "))
                .anyMatch(signal -> signal.startsWith("R04 "))
                .anyMatch(signal -> signal.startsWith("R02 ")));

        ObjectNode exported = (ObjectNode) supervisor.get("/api/projects/" + original + "/oc4ids");
        ((ObjectNode) exported.get("projects").get(0)).put("id", "RT-1-COPY");
        JsonNode report = admin.post("/api/oc4ids/import?region=Haishu&supervisors=sup-li",
                JSON.writeValueAsString(exported));
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("notKept")).isEmpty();
        String copy = report.at("/projects/0/projectId").asText();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(picture(copy)).isEqualTo(picture(original)));
    }

    private static String recordAProjectWithEveryKindOfFact(String code) {
        String projectId = admin.post("/api/projects", """
                {"code": "%s", "title": "Harbour road viaduct", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "transport-bureau", "budget": {"amount": "50000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2026-12-31"},
                 "supervisors": ["sup-li"]}""".formatted(code)).get("projectId").asText();
        String project = "/api/projects/" + projectId;
        admin.post(project + "/approval", """
                {"approvalDate": "2025-01-15", "approvalDocumentNumber": "FGW-3"}""");
        owner.post(project + "/milestones", """
                {"id": "m-1", "title": "Piers", "type": "delivery", "dueDate": "2025-06-30"}""");
        owner.post(project + "/milestones", """
                {"id": "m-2", "title": "Deck", "type": "delivery", "dueDate": "2025-09-30"}""");
        owner.post(project + "/transactions", """
                {"id": "t-1", "kind": "appropriation", "date": "2025-01-20",
                 "value": {"amount": "20000000.00", "currency": "CNY"},
                 "payer": {"id": "finance-bureau", "name": "Finance bureau"}}""");
        owner.post(project + "/contracts", """
                {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                 "numberOfTenderers": 1, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-03-10"},
                 "costEstimate": {"amount": "11000000.00", "currency": "CNY"}},
                 "supplier": {"id": "coastal-works", "name": "Coastal Works"},
                 "contractValue": {"amount": "10000000.00", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-04-01", "endDate": "2026-06-30"}, "dateSigned": "2025-03-15"}""");
        owner.post(project + "/contracts/c-1/modifications", """
                {"id": "co-1", "date": "2025-05-10", "type": "value", "rationale": "Deeper piles",
                 "newContractValue": {"amount": "12500000.00", "currency": "CNY"}}""");
        owner.post(project + "/milestones/m-1/status", """
                {"status": "met", "dateMet": "2025-06-20"}""");
        owner.post(project + "/progress", """
                {"physicalProgress": 10, "date": "2025-06-30"}""");
        owner.post(project + "/transactions", """
                {"id": "pay-1", "kind": "payment", "date": "2025-07-01",
                 "value": {"amount": "5000000.00", "currency": "CNY"}, "payer": "transport-bureau",
                 "payee": {"id": "coastal-works", "name": "Coastal Works"}, "contractId": "c-1",
                 "relatedImplementationMilestone": "m-2"}""");
        return projectId;
    }

    /** The project's open signals as "rule subject level". */
    private static Set<String> picture(String projectId) {
        Set<String> signals = new TreeSet<>();
        for (JsonNode signal : supervisor.everyItem("/api/risk/signals?project=" + projectId + "&status=open")) {
            signals.add(signal.get("ruleId").asText() + " " + signal.path("subject").asText() + " "
                    + signal.get("level").asText());
        }
        return signals;
    }
}
