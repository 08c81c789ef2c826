package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Owners keep recording through the gateway while one fault at a time strikes: PostgreSQL restarted, PostgreSQL
 * away until every service's readiness probe says DOWN (and then back: each says UP again by itself), RabbitMQ
 * restarted, each service and the gateway killed (SIGKILL) and started again. Every write carries an
 * Idempotency-Key and is retried with it until it is acknowledged. Asserted: every acknowledged write is in the
 * history exactly once; every answer that is not 2xx is 429 or 503 problem+json; supervision applies every event;
 * each project's alert is raised once and reaches the supervisor's webhook. The figures per fault print with the
 * test (README, reliability).
 */
class FaultInjectionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int PROJECTS = 3;

    private static RunningSystem system;
    private static WebhookReceiver webhook;
    private static final List<String> projects = new ArrayList<>();

    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final List<Instant> acknowledgedAt = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheSystemWithProjectsThatHaveARedAlertEach() throws IOException {
        system = RunningSystem.start("faults", List.of("--jianhu.rate-limit.requests-per-second=100000",
                "--jianhu.rate-limit.burst=100000"));
        webhook = new WebhookReceiver("fault-secret");
        GatewayClient admin = GatewayClient.as(system, "admin-chen");
        GatewayClient owner = GatewayClient.as(system, "owner-zhang");
        GatewayClient supervisor = GatewayClient.as(system, "sup-li");
        supervisor.post("/api/subscriptions", """
                {"level": "RED", "channel": "webhook", "url": "%s", "secret": "fault-secret"}""".formatted(webhook.url()));
        for (int i = 1; i <= PROJECTS; i++) {
            String projectId = admin.post("/api/projects", """
                    {"code": "FLT-%d", "title": "Fault-tolerant seawall %d", "type": "construction", "region": "Haishu",
                     "ownerOrganisation": "transport-bureau", "budget": {"amount": "900000000.00", "currency": "CNY"},
                     "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"}, "supervisors": ["sup-li"]}"""
                    .formatted(i, i)).get("projectId").asText();
            String p = "/api/projects/" + projectId;
            admin.post(p + "/approval", "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-" + i + "\"}");
            owner.post(p + "/contracts", """
                    {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open", "numberOfTenderers": 4},
                     "supplier": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                     "contractValue": {"amount": "10000000.00", "currency": "CNY"},
                     "contractPeriod": {"startDate": "2025-04-01", "endDate": "2027-06-30"},
                     "dateSigned": "2025-03-20"}""");
            owner.post(p + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-30\"}");
            owner.post(p + "/transactions", """
                    {"id": "pay-1", "kind": "payment", "date": "2025-07-01",
                     "payee": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                     "contractId": "c-1", "value": {"amount": "4500000.00", "currency": "CNY"}}""");
            projects.add(projectId);
        }
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void everyFaultIsAnswered503OrRetriedAndNothingAcknowledgedIsLostOrDoubled() throws Exception {
        String token = system.token("owner-zhang");
        List<Thread> writers = new ArrayList<>();
        for (String projectId : projects) {
            acknowledged.put(projectId, ConcurrentHashMap.newKeySet());
            Thread writer = new Thread(() -> write(projectId, token), "owner-writing-" + projectId);
            writer.start();
            writers.add(writer);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("before any fault", during(Duration.ofSeconds(3), () -> { }));
        figures.put("PostgreSQL restarted", during(Duration.ofSeconds(3),
                () -> run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart", "-m", "fast")));
        List<String> services = List.of("project-service", "supervision-service", "alert-service");
        try (ReadinessWatch readiness = ReadinessWatch.of(system, services)) {
            figures.put("PostgreSQL away", during(Duration.ofSeconds(3), () -> {
                run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "stop", "-m", "fast");
                try {
                    await("every service's readiness DOWN while the database is away").atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> services.stream().allMatch(readiness::answeredDown));
                } finally {
                    run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start");
                }
            }));
            await("every service's readiness UP again by itself").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> services.stream().allMatch(service -> ReadinessWatch.UP.equals(readiness.last(service))));
        }
        figures.put("RabbitMQ restarted", during(Duration.ofSeconds(3), () -> {
            run("rabbitmqctl", "-q", "stop_app");
            run("rabbitmqctl", "-q", "start_app");
        }));
        for (String process : List.of("project-service", "supervision-service", "alert-service", "gateway")) {
            figures.put(process + " killed", during(Duration.ofSeconds(3), () -> {
                system.process(process).kill();
                system.process(process).restart();
            }));
        }
        writing.set(false);
        for (Thread writer : writers) {
            writer.join(TimeUnit.MINUTES.toMillis(3));
        }
        figures.forEach((fault, figure) -> System.out.printf("fault injection: %-22s %s%n", fault, figure));
        System.out.printf("fault injection: %d writes acknowledged; refusals by kind %s%n",
                acknowledged.values().stream().mapToInt(Set::size).sum(), new TreeMap<>(refusals));

        GatewayClient auditor = GatewayClient.as(system, "aud-sun");
        for (String projectId : projects) {
            JsonNode history = auditor.get("/api/projects/" + projectId + "/history");
            List<String> recorded = history.findValuesAsText("transactionId");
            assertThat(recorded).as("transactions of " + projectId + " in its history").doesNotHaveDuplicates()
                    .containsAll(acknowledged.get(projectId));
            long version = history.findValues("sequenceNumber").stream().mapToLong(JsonNode::asLong).max().orElse(-1);
            await("supervision applied every event of " + projectId).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> appliedThrough(auditor, projectId) >= version);
        }
        GatewayClient supervisor = GatewayClient.as(system, "sup-li");
        // the three awards to one supplier also raise R15 (repeat winner) as designed; the payment raised R01
        await("one R01 alert per project, delivered").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (String projectId : projects) {
                        JsonNode alerts = supervisor.get("/api/alerts?project=" + projectId);
                        List<JsonNode> red = new ArrayList<>();
                        (alerts.isArray() ? alerts : alerts.path("items")).forEach(alert -> {
                            if ("R01".equals(alert.path("ruleId").asText())) {
                                red.add(alert);
                            }
                        });
                        assertThat(red).as("alerts of " + projectId).hasSize(1);
                        String alertId = red.get(0).get("id").asText();
                        assertThat(webhook.verifiedBodies()).as("webhook deliveries of " + alertId)
                                .anyMatch(body -> body.contains(alertId));
                    }
                });
        assertThat(wrongAnswers).as("answers other than 2xx, 429 or 503 problem+json").isEmpty();
    }

    /** Injects a fault, keeps the writers going, and says how long until writes were acknowledged again. */
    private String during(Duration settle, Fault fault) throws Exception {
        Instant injected = Instant.now();
        int before = acknowledgedAt.size();
        fault.inject();
        Instant recovered = Instant.now();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> acknowledgedAt.stream().anyMatch(at -> at.isAfter(recovered)));
        Instant firstAfter = acknowledgedAt.stream().filter(at -> at.isAfter(recovered)).min(Instant::compareTo)
                .orElseThrow();
        await().pollDelay(settle).atMost(settle.plusSeconds(1)).until(() -> true);
        return "fault took %5d ms; first acknowledgement %5d ms after it ended; %d writes acknowledged meanwhile"
                .formatted(Duration.between(injected, recovered).toMillis(),
                        Duration.between(recovered, firstAfter).toMillis(), acknowledgedAt.size() - before);
    }

    private void write(String projectId, String token) {
        int sequence = 0;
        while (writing.get()) {
            String transactionId = "ap-" + (++sequence);
            String key = projectId + "-" + transactionId;
            String body = """
                    {"id": "%s", "kind": "appropriation", "date": "2025-08-01",
                     "payer": {"id": "CN-USCC-11330200002564321X", "name": "County finance bureau"},
                     "value": {"amount": "1.00", "currency": "CNY"}}""".formatted(transactionId);
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(giveUp)) {
                Integer status = attempt(projectId, token, key, body);
                if (status != null && status / 100 == 2) {
                    acknowledged.get(projectId).add(transactionId);
                    acknowledgedAt.add(Instant.now());
                    break;
                }
                pause(200);
            }
        }
    }

    /** @return the status, or null when nothing answered (the gateway itself was down) */
    private Integer attempt(String projectId, String token, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/projects/" + projectId
                        + "/transactions")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException notAnswered) {
            refusals.computeIfAbsent("no answer (gateway down)", kind -> new AtomicInteger()).incrementAndGet();
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
        int status = answer.statusCode();
        if (status / 100 == 2) {
            return status;
        }
        JsonNode problem = GatewayClient.parse(answer.body());
        String type = problem == null ? "" : problem.path("type").asText();
        boolean expected = (status == 429 || status == 503)
                && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && type.startsWith("urn:jianhu:problem:");
        if (!expected) {
            wrongAnswers.add(status + " " + answer.body());
        }
        refusals.computeIfAbsent(status + " " + type.replace("urn:jianhu:problem:", ""), kind -> new AtomicInteger())
                .incrementAndGet();
        return status;
    }

    private static long appliedThrough(GatewayClient auditor, String projectId) {
        GatewayClient.Response risk = auditor.call("GET", "/api/risk/projects/" + projectId, null);
        return risk.status() == 200 ? risk.json().at("/project/appliedThroughSequence").asLong(-1) : -1;
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException failed) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A writer's back-off before it retries with the same key (not a wait of the test's). */
    private static void pause(long millis) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }
}
