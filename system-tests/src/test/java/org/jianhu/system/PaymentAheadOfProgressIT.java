package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.BoundQueue;
import org.jianhu.testsupport.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop, each service a real process and every call through the gateway with a demo user's
 * token: an owner records a payment that runs ahead of the works; the project service stores it and
 * relays it over RabbitMQ; supervision raises a red R01 signal, writes it to its outbox and publishes
 * it; the alert service opens a red alert that reaches the responsible supervisor's live stream and
 * signed webhook; the supervisor assigns it to the owner, the owner reports rectification, the
 * supervisor verifies and closes it; an auditor reads the project's and the alert's whole history.
 */
class PaymentAheadOfProgressIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;
    private static GatewayClient admin;
    private static GatewayClient owner;
    private static GatewayClient supervisor;
    private static GatewayClient auditor;

    @BeforeAll
    static void startTheSystem() throws IOException {
        system = RunningSystem.start("payment");
        admin = GatewayClient.as(system, "admin-chen");
        owner = GatewayClient.as(system, "owner-zhang");
        supervisor = GatewayClient.as(system, "sup-li");
        auditor = GatewayClient.as(system, "aud-sun");
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aPaymentRunningAheadOfProgressIsRaisedHandledAndClosedInATracedLoop() throws Exception {
        try (BoundQueue redSignals = BoundQueue.bind(system.amqpPrefix() + ".risk-signals", "signal.red.#");
             WebhookReceiver webhook = new WebhookReceiver("s3cret-of-sup-li")) {
            supervisor.post("/api/subscriptions", """
                    {"region": "Haishu", "level": "RED", "channel": "webhook", "url": "%s", "secret": "s3cret-of-sup-li"}"""
                    .formatted(webhook.url()));
            List<String> stream = supervisor.follow("/api/alerts/stream");

            String projectId = admin.post("/api/projects", """
                    {"code": "SYS-1", "title": "Harbour road viaduct", "type": "construction", "region": "Haishu",
                     "ownerOrganisation": "transport-bureau", "budget": {"amount": "50000000.00", "currency": "CNY"},
                     "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                     "supervisors": ["sup-li"]}""").get("projectId").asText();
            String project = "/api/projects/" + projectId;
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
            owner.post(project + "/transactions", """
                    {"id": "pay-1", "kind": "payment", "date": "2025-07-01",
                     "payee": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                     "contractId": "c-1", "value": {"amount": "5000000.00", "currency": "CNY"}}""");

            JsonNode r01 = await().atMost(Duration.ofSeconds(60)).until(
                    () -> openSignal(projectId, "R01"), signal -> signal != null);
            assertThat(r01.get("level").asText()).isEqualTo("RED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(redSignals.received())
                    .anySatisfy(delivery -> {
                        assertThat(delivery.routingKey()).isEqualTo("signal.red.R01");
                        JsonNode change = JSON.readTree(delivery.body());
                        assertThat(change.get("projectId").asText()).isEqualTo(projectId);
                        assertThat(change.get("change").asText()).isEqualTo("raised");
                    }));
            assertThat(publishedRedR01RowsInTheOutbox(projectId)).isEqualTo(1);

            String alertId = await().atMost(Duration.ofSeconds(30)).until(() -> raisedAlertOn(stream), id -> id != null);
            JsonNode alert = supervisor.get("/api/alerts/" + alertId);
            assertThat(alert.toString()).contains(projectId).contains("R01");
            assertThat(alert.get("level").asText()).isEqualToIgnoringCase("RED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhook.verifiedBodies())
                    .anySatisfy(body -> {
                        JsonNode told = JSON.readTree(body);
                        assertThat(told.get("alertId").asText()).isEqualTo(alertId);
                        assertThat(told.get("ruleId").asText()).isEqualTo("R01");
                        assertThat(told.get("level").asText()).isEqualToIgnoringCase("RED");
                    }));

            String handling = "/api/alerts/" + alertId;
            supervisor.post(handling + "/assignment", """
                    {"organisation": "transport-bureau", "deadline": "%s", "comment": "stop paying ahead of the works"}"""
                    .formatted(LocalDate.now().plusDays(14)));
            owner.post(handling + "/rectification", "{\"comment\": \"payment schedule tied to measured progress\"}");
            supervisor.post(handling + "/verification", "{\"accepted\": true, \"comment\": \"schedule checked\"}");
            JsonNode closed = supervisor.post(handling + "/closure", "{\"comment\": \"销号\"}");
            assertThat(closed.get("status").asText()).isEqualTo("closed");

            JsonNode alertRecord = auditor.get(handling);
            assertThat(steps(alertRecord.get("timeline"))).containsSubsequence(
                    "raised", "assigned", "rectificationReported", "verified", "closed");
            assertThat(alertRecord.get("timeline")).anySatisfy(entry -> {
                assertThat(entry.get("step").asText()).isEqualTo("rectificationReported");
                assertThat(entry.get("actor").asText()).isEqualTo("owner-zhang");
                assertThat(entry.get("organisation").asText()).isEqualTo("transport-bureau");
            });
            JsonNode projectRecord = auditor.get(project + "/history");
            assertThat(projectRecord.toString()).contains("ProjectRegistered", "ContractAwarded",
                    "TransactionRecorded", "admin-chen", "owner-zhang");
        }
    }

    /** The alert id of the first {@code raised} event on the stream, once one has come. */
    private static String raisedAlertOn(List<String> stream) throws Exception {
        for (int line = 0; line + 1 < stream.size(); line++) {
            if (stream.get(line).equals("event:raised")) {
                for (int data = line + 1; data < stream.size() && !stream.get(data).isEmpty(); data++) {
                    if (stream.get(data).startsWith("data:")) {
                        return JSON.readTree(stream.get(data).substring(5)).get("alertId").asText();
                    }
                }
            }
        }
        return null;
    }

    private static List<String> steps(JsonNode timeline) {
        List<String> steps = new ArrayList<>();
        timeline.forEach(entry -> steps.add(entry.get("step").asText()));
        return steps;
    }

    private static JsonNode openSignal(String projectId, String ruleId) {
        for (JsonNode signal : supervisor.everyItem("/api/risk/signals?project=" + projectId + "&status=open")) {
            if (ruleId.equals(signal.get("ruleId").asText())) {
                return signal;
            }
        }
        return null;
    }

    private static long publishedRedR01RowsInTheOutbox(String projectId) throws Exception {
        try (var connection = Infrastructure.postgres().connect(system.supervisionDatabase());
             var statement = connection.prepareStatement("SELECT count(*) FROM signal_outbox WHERE project_id = ? "
                     + "AND rule_id = 'R01' AND level = 'RED' AND published_at IS NOT NULL")) {
            statement.setString(1, projectId);
            var result = statement.executeQuery();
            result.next();
            return result.getLong(1);
        }
    }
}
