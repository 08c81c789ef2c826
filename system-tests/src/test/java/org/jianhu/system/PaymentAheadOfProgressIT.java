package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.BoundQueue;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.jianhu.testsupport.RabbitBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path, each service a real process: an owner records over REST a payment that runs ahead
 * of the works; the project service stores it and relays it over RabbitMQ; the supervision service
 * raises a red R01 signal, writes it to its outbox and publishes it; the alert service opens a red
 * alert that reaches the responsible supervisor's live stream and signed webhook.
 */
class PaymentAheadOfProgressIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String amqpPrefix;
    private static String supervisionDatabase;
    private static RunningService projectService;
    private static RunningService supervisionService;
    private static RunningService alertService;

    @BeforeAll
    static void startTheServices() throws IOException {
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        amqpPrefix = "t.system." + UUID.randomUUID().toString().substring(0, 8);
        List<String> broker = List.of("--spring.rabbitmq.host=" + rabbit.host(),
                "--spring.rabbitmq.port=" + rabbit.port(), "--spring.rabbitmq.username=" + rabbit.user(),
                "--spring.rabbitmq.password=" + rabbit.password(), "--jianhu.amqp.prefix=" + amqpPrefix);
        projectService = RunningService.start("project-service", concat(broker, database(postgres,
                postgres.createDatabase("t_system_project"))));
        supervisionDatabase = postgres.createDatabase("t_system_supervision");
        supervisionService = RunningService.start("supervision-service", concat(broker, database(postgres,
                supervisionDatabase), List.of("--jianhu.project-service.url=" + projectService.url())));
        alertService = RunningService.start("alert-service", concat(broker, database(postgres,
                postgres.createDatabase("t_system_alert")), List.of("--jianhu.delivery.poll-interval-ms=200")));
    }

    @AfterAll
    static void stopTheServices() {
        if (alertService != null) {
            alertService.close();
        }
        if (supervisionService != null) {
            supervisionService.close();
        }
        if (projectService != null) {
            projectService.close();
        }
    }

    @Test
    void aPaymentRunningAheadOfProgressReachesTheSupervisorAsARedAlert() throws Exception {
        try (BoundQueue redSignals = BoundQueue.bind(amqpPrefix + ".risk-signals", "signal.red.#");
             WebhookReceiver webhook = new WebhookReceiver("s3cret-of-sup-li")) {
            asSupervisor("POST", alertService.url() + "/api/subscriptions", """
                    {"region": "Beilun", "level": "RED", "channel": "webhook", "url": "%s", "secret": "s3cret-of-sup-li"}"""
                    .formatted(webhook.url()));
            List<String> stream = new java.util.concurrent.CopyOnWriteArrayList<>();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(alertService.url() + "/api/alerts/stream"))
                            .header("X-Jianhu-User", "sup-li").header("X-Jianhu-Role", "supervisor").build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(stream::add));

            String projectId = post("/api/projects", """
                    {"code": "SYS-1", "title": "Seawall section 3", "type": "construction", "region": "Beilun",
                     "ownerOrganisation": "water-bureau", "budget": {"amount": "50000000.00", "currency": "CNY"},
                     "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                     "supervisors": ["sup-li"]}""").get("projectId").asText();
            String project = "/api/projects/" + projectId;
            post(project + "/approval", "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-3\"}");
            post(project + "/contracts", """
                    {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                     "numberOfTenderers": 4, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-03-10"},
                     "costEstimate": {"amount": "11000000.00", "currency": "CNY"}},
                     "supplier": "coastal-works", "contractValue": {"amount": "10000000.00", "currency": "CNY"},
                     "contractPeriod": {"startDate": "2025-04-01", "endDate": "2027-06-30"}}""");
            post(project + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-30\"}");
            post(project + "/transactions", """
                    {"id": "pay-1", "kind": "payment", "date": "2025-07-01", "payee": "coastal-works",
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
            try (var connection = Infrastructure.postgres().connect(supervisionDatabase);
                 var statement = connection.prepareStatement("SELECT count(*) FROM signal_outbox WHERE project_id = ? "
                         + "AND rule_id = 'R01' AND level = 'RED' AND published_at IS NOT NULL")) {
                statement.setString(1, projectId);
                var result = statement.executeQuery();
                result.next();
                assertThat(result.getLong(1)).isEqualTo(1);
            }

            String alertId = await().atMost(Duration.ofSeconds(30)).until(() -> raisedAlertOn(stream), id -> id != null);
            JsonNode alert = asSupervisor("GET", alertService.url() + "/api/alerts/" + alertId, null);
            assertThat(alert.toString()).contains(projectId).contains("R01");
            assertThat(alert.get("level").asText()).isEqualToIgnoringCase("RED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhook.verifiedBodies())
                    .anySatisfy(body -> {
                        JsonNode told = JSON.readTree(body);
                        assertThat(told.get("alertId").asText()).isEqualTo(alertId);
                        assertThat(told.get("ruleId").asText()).isEqualTo("R01");
                        assertThat(told.get("level").asText()).isEqualToIgnoringCase("RED");
                    }));
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

    private static JsonNode asSupervisor(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("X-Jianhu-User", "sup-li").header("X-Jianhu-Role", "supervisor")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private JsonNode openSignal(String projectId, String ruleId) throws Exception {
        for (JsonNode signal : get(supervisionService.url() + "/api/risk/signals?project=" + projectId + "&status=open")) {
            if (ruleId.equals(signal.get("ruleId").asText())) {
                return signal;
            }
        }
        return null;
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(projectService.url() + path))
                .header("Content-Type", "application/json")
                .header("X-Jianhu-User", "owner-zhou").header("X-Jianhu-Role", "owner")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> database(PostgresServer postgres, String name) {
        return List.of("--spring.datasource.url=" + postgres.jdbcUrl(name),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
