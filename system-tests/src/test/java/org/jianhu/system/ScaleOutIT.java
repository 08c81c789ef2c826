package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.jianhu.testsupport.RabbitBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service on one PostgreSQL and one RabbitMQ, and one of each killed (SIGKILL)
 * in the middle of the stream: the project relay hands over to the survivor, the surviving supervision
 * instance goes on with the queue the dead one shared, the surviving alert instance likewise. In the
 * end every project event has been applied exactly once, every alert raised exactly once, and every
 * alert's escalation deadline, raced for by both alert instances, fired exactly once.
 */
class ScaleOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROJECTS = 12;
    private static final String CONTRACT_VALUE = "10000000.00";
    private static final String PAYMENT = "2500000.00";

    private final String secret = "scale-out-identity-secret-" + UUID.randomUUID();
    private final IdentityAssertion identity = new IdentityAssertion(secret, Duration.ofMinutes(5));
    private final List<RunningService> running = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void killingOneInstanceOfEachServiceMidStreamLosesNothingAndDoublesNothing() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        String prefix = "t.system.scale." + UUID.randomUUID().toString().substring(0, 8);
        List<String> common = List.of("--spring.rabbitmq.host=" + rabbit.host(),
                "--spring.rabbitmq.port=" + rabbit.port(), "--spring.rabbitmq.username=" + rabbit.user(),
                "--spring.rabbitmq.password=" + rabbit.password(), "--jianhu.amqp.prefix=" + prefix,
                "--jianhu.identity.secret=" + secret);
        String projectDb = postgres.createDatabase("t_system_scale_project");
        String supervisionDb = postgres.createDatabase("t_system_scale_supervision");
        String alertDb = postgres.createDatabase("t_system_scale_alert");

        // The first project instance starts alone, so it is the one that claims the relay.
        RunningService projectA = start("project-service", common, RunningSystem.database(postgres, projectDb));
        RunningService projectB = start("project-service", common, RunningSystem.database(postgres, projectDb));
        assertThat(relayOwner(postgres, projectDb)).startsWith(projectA.pid() + "@");
        List<String> readingFromB = List.of("--jianhu.project-service.url=" + projectB.url());
        RunningService supervision1 = start("supervision-service", common, RunningSystem.database(postgres, supervisionDb),
                readingFromB);
        start("supervision-service", common, RunningSystem.database(postgres, supervisionDb), readingFromB);
        // Unassigned alerts escalate after two seconds here, so that both instances race for the deadlines.
        List<String> quickEscalation = List.of("--jianhu.escalation.red-after=2s",
                "--jianhu.escalation.yellow-after=2s", "--jianhu.escalation.check-interval-ms=200");
        RunningService alert1 = start("alert-service", common, RunningSystem.database(postgres, alertDb), quickEscalation);
        start("alert-service", common, RunningSystem.database(postgres, alertDb), quickEscalation);

        List<String> projectIds = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            projectIds.add(register(projectA, i));
        }
        for (String id : projectIds) {
            recordTheWorks(projectA, id);
        }
        // Mid-stream: while payments are being recorded (through B, relayed by A), the relay's owner,
        // one supervision and one alert instance die without a word.
        CountDownLatch aThirdRecorded = new CountDownLatch(PROJECTS / 3);
        CompletableFuture<Void> firstPayments = CompletableFuture.runAsync(() -> projectIds.forEach(id -> {
            recordPayment(projectB, id, "pay-1", "2025-07-01");
            aThirdRecorded.countDown();
        }));
        assertThat(aThirdRecorded.await(60, TimeUnit.SECONDS)).isTrue();
        projectA.kill();
        supervision1.kill();
        alert1.kill();
        firstPayments.get(60, TimeUnit.SECONDS);
        for (String id : projectIds) {
            recordPayment(projectB, id, "pay-2", "2025-08-01");
        }

        Map<String, Integer> eventsPerProject = new HashMap<>();
        for (String id : projectIds) {
            eventsPerProject.put(id, history(projectB, id).size());
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(appliedSequences(postgres, supervisionDb)).isEqualTo(eventsPerProject));
        try (Connection supervision = postgres.connect(supervisionDb); Statement sql = supervision.createStatement()) {
            ResultSet facts = sql.executeQuery("SELECT project_id, facts FROM risk_project");
            while (facts.next()) {
                JsonNode projectFacts = JSON.readTree(facts.getString("facts"));
                assertThat(projectFacts.get("payments")).as("payments applied to " + facts.getString(1)).hasSize(2);
                assertThat(new BigDecimal(projectFacts.get("paid").get("amount").asText()))
                        .isEqualByComparingTo(new BigDecimal(PAYMENT).multiply(BigDecimal.valueOf(2)));
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(alertsPerProjectAndRule(postgres, alertDb, "R01")).hasSize(PROJECTS)
                        .allSatisfy((project, count) -> assertThat(count).as(project).isEqualTo(1)));
        try (Connection supervision = postgres.connect(supervisionDb); Statement sql = supervision.createStatement()) {
            ResultSet raised = sql.executeQuery("SELECT project_id, count(*) FROM risk_signal WHERE rule_id = 'R01' "
                    + "GROUP BY project_id HAVING count(*) <> 1");
            assertThat(raised.next()).as("a project with other than one R01 signal").isFalse();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(escalationsPerAlert(postgres, alertDb)).hasSizeGreaterThanOrEqualTo(PROJECTS)
                        .containsOnlyKeys(allAlerts(postgres, alertDb))
                        .allSatisfy((alert, count) -> assertThat(count).as("escalations of " + alert).isEqualTo(1)));
        assertThat(relayOwner(postgres, projectDb)).startsWith(projectB.pid() + "@");
    }

    private static List<String> allAlerts(PostgresServer postgres, String database) throws SQLException {
        List<String> alerts = new ArrayList<>();
        try (Connection connection = postgres.connect(database); Statement sql = connection.createStatement()) {
            ResultSet rows = sql.executeQuery("SELECT id FROM alert");
            while (rows.next()) {
                alerts.add(rows.getString(1));
            }
        }
        return alerts;
    }

    private static Map<String, Integer> escalationsPerAlert(PostgresServer postgres, String database) throws SQLException {
        Map<String, Integer> escalations = new HashMap<>();
        try (Connection connection = postgres.connect(database); Statement sql = connection.createStatement()) {
            ResultSet rows = sql.executeQuery("SELECT alert_id, count(*) FROM alert_event WHERE step = 'escalated' "
                    + "GROUP BY alert_id");
            while (rows.next()) {
                escalations.put(rows.getString(1), rows.getInt(2));
            }
        }
        return escalations;
    }

    @SafeVarargs
    private RunningService start(String name, List<String>... arguments) throws Exception {
        List<String> all = new ArrayList<>();
        for (List<String> part : arguments) {
            all.addAll(part);
        }
        RunningService service = RunningService.start(name, all);
        running.add(service);
        return service;
    }

    private String register(RunningService project, int i) {
        return post(project, "admin-chen", "admin", null, "/api/projects", """
                {"code": "SCALE-%d", "title": "Seawall section %d", "type": "construction", "region": "Beilun",
                 "ownerOrganisation": "water-authority", "budget": {"amount": "50000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                 "supervisors": ["sup-wang"]}""".formatted(i, i)).get("projectId").asText();
    }

    private void recordTheWorks(RunningService project, String id) {
        String p = "/api/projects/" + id;
        post(project, "admin-chen", "admin", null, p + "/approval",
                "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-1\"}");
        asOwner(project, p + "/contracts", """
                {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                 "numberOfTenderers": 4, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-03-10"},
                 "costEstimate": {"amount": "11000000.00", "currency": "CNY"}},
                 "supplier": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                 "contractValue": {"amount": "%s", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-04-01", "endDate": "2027-06-30"},
                 "dateSigned": "2025-03-20"}""".formatted(CONTRACT_VALUE));
        asOwner(project, p + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-30\"}");
    }

    private void recordPayment(RunningService project, String id, String paymentId, String date) {
        asOwner(project, "/api/projects/" + id + "/transactions", """
                {"id": "%s", "kind": "payment", "date": "%s",
                 "payee": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                 "contractId": "c-1", "value": {"amount": "%s", "currency": "CNY"}}""".formatted(paymentId, date, PAYMENT));
    }

    private void asOwner(RunningService project, String path, String body) {
        post(project, "owner-liu", "owner", "water-authority", path, body);
    }

    private JsonNode post(RunningService service, String user, String role, String organisation, String path,
                          String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        identity.headers(new CallerIdentity(user, role, organisation, "Beilun"), Instant.now()).forEach(request::header);
        GatewayClient.Response response = GatewayClient.send(request.build());
        assertThat(response.status()).as(path + " → " + response.body()).isBetween(200, 201);
        return response.json();
    }

    private JsonNode history(RunningService project, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(project.url() + "/api/projects/" + id + "/history"));
        identity.headers(new CallerIdentity("aud-sun", "auditor", "audit-bureau", null), Instant.now())
                .forEach(request::header);
        GatewayClient.Response response = GatewayClient.send(request.build());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode events = response.json().has("events") ? response.json().get("events") : response.json();
        return events;
    }

    private static String relayOwner(PostgresServer postgres, String database) throws SQLException {
        try (Connection connection = postgres.connect(database); Statement sql = connection.createStatement()) {
            ResultSet owner = sql.executeQuery("SELECT owner FROM token_entry WHERE processor_name = 'rabbit-relay'");
            return owner.next() ? String.valueOf(owner.getString(1)) : "";
        }
    }

    private static Map<String, Integer> appliedSequences(PostgresServer postgres, String database) throws SQLException {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection connection = postgres.connect(database); Statement sql = connection.createStatement()) {
            ResultSet rows = sql.executeQuery("SELECT project_id, next_sequence FROM risk_project");
            while (rows.next()) {
                applied.put(rows.getString(1), rows.getInt(2));
            }
        }
        return applied;
    }

    private static Map<String, Integer> alertsPerProjectAndRule(PostgresServer postgres, String database, String rule)
            throws SQLException {
        Map<String, Integer> alerts = new HashMap<>();
        try (Connection connection = postgres.connect(database);
             var sql = connection.prepareStatement("SELECT project_id, count(*) FROM alert WHERE rule_id = ? GROUP BY project_id")) {
            sql.setString(1, rule);
            ResultSet rows = sql.executeQuery();
            while (rows.next()) {
                alerts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return alerts;
    }
}
