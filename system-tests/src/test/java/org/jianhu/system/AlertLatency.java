package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Payment → red alert, timed as the responsible supervisor meets it, through the whole running system: an owner
 * records a payment that runs ahead of the works on a project ready for it, and the clock stops when the red R01
 * alert is on the supervisor's live stream and, separately, at their webhook. Meanwhile another owner keeps
 * writing in the background at a steady rate, so the pipeline is never idle. Used by {@link AlertIsolationIT}
 * (what must hold) and {@link AlertLatencyBenchmark} (the figures).
 */
final class AlertLatency implements AutoCloseable {

    static final String SUPERVISOR = "sup-li";
    static final String SECRET = "s3cret-of-sup-li";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** One condition's latencies in milliseconds, in the order the payments were made; -1 where none came. */
    record Figures(String condition, List<Long> streamMillis, List<Long> webhookMillis) {

        long stream(double quantile) {
            return quantile(streamMillis, quantile);
        }

        long webhook(double quantile) {
            return quantile(webhookMillis, quantile);
        }

        boolean complete() {
            return !streamMillis.contains(-1L) && !webhookMillis.contains(-1L);
        }

        String line() {
            return "%-34s stream p50 %5d ms  p95 %5d ms  p99 %5d ms  max %5d ms | webhook p50 %5d ms  p99 %5d ms"
                    .formatted(condition, stream(0.50), stream(0.95), stream(0.99), stream(1.0), webhook(0.50),
                            webhook(0.99));
        }

        private static long quantile(List<Long> millis, double quantile) {
            List<Long> sorted = millis.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return -1;
            }
            int rank = (int) Math.ceil(quantile * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    private final GatewayClient admin;
    private final GatewayClient owner;
    private final GatewayClient backgroundOwner;
    private final TimedAlertStream stream;
    private final WebhookReceiver desk;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger backgroundWrites = new AtomicInteger();
    private final AtomicInteger backgroundRefusals = new AtomicInteger();
    private final AtomicInteger projects = new AtomicInteger();

    private AlertLatency(RunningSystem system) throws IOException {
        admin = GatewayClient.as(system, "admin-chen");
        owner = GatewayClient.as(system, "owner-zhang");
        backgroundOwner = GatewayClient.as(system, "owner-liu");
        desk = new WebhookReceiver(SECRET);
        subscribe(GatewayClient.as(system, SUPERVISOR), desk);
        stream = TimedAlertStream.follow(system, SUPERVISOR);
    }

    /** The supervisor's stream and webhook in place, and background writes going at {@code writesPerSecond}. */
    static AlertLatency on(RunningSystem system, int writesPerSecond) throws IOException {
        AlertLatency latency = new AlertLatency(system);
        latency.writeInTheBackground(writesPerSecond);
        return latency;
    }

    /** One more webhook of the supervisor's, for red alerts of their region: a second destination. */
    static void subscribe(GatewayClient supervisor, WebhookReceiver receiver) {
        supervisor.post("/api/subscriptions", """
                {"region": "Haishu", "level": "RED", "channel": "webhook", "url": "%s", "secret": "%s"}"""
                .formatted(receiver.url(), SECRET));
    }

    /** Projects of the supervisor's with a works contract and 10 % progress, where a large payment runs ahead. */
    List<String> prepare(int count) {
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ready.add(project("LAT-" + projects.incrementAndGet(), "Haishu", SUPERVISOR, owner));
        }
        return ready;
    }

    /**
     * Pays ahead of the works on each project, {@code spacing} apart, and waits for every red R01 alert on the
     * stream and at the webhook.
     */
    Figures measure(String condition, List<String> ready, Duration spacing) {
        List<Long> paidAt = new ArrayList<>();
        for (String projectId : ready) {
            long paid = System.nanoTime();
            patiently(owner, "/api/projects/" + projectId + "/transactions", """
                    {"id": "pay-1", "kind": "payment", "date": "2025-07-01",
                     "payee": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                     "contractId": "c-1", "value": {"amount": "5000000.00", "currency": "CNY"}}""");
            paidAt.add(paid);
            pause(spacing);
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && !allArrived(ready)) {
            pause(Duration.ofMillis(100));
        }
        List<Long> streamMillis = new ArrayList<>();
        List<Long> webhookMillis = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            streamMillis.add(millisSince(paidAt.get(i), first(stream.raisedAt(ready.get(i), "R01"))));
            webhookMillis.add(millisSince(paidAt.get(i), first(webhookArrivals(desk, ready.get(i)))));
        }
        return new Figures(condition, streamMillis, webhookMillis);
    }

    /** Every red R01 alert on the stream once per project, and at the supervisor's own webhook once. */
    List<String> doubled(List<String> ready) {
        List<String> doubled = new ArrayList<>();
        for (String projectId : ready) {
            if (stream.raisedAt(projectId, "R01").size() > 1 || webhookArrivals(desk, projectId).size() > 1) {
                doubled.add(projectId);
            }
        }
        return doubled;
    }

    /** When each {@code raised} R01 notice for the project came to the receiver. */
    static List<Long> webhookArrivals(WebhookReceiver receiver, String projectId) {
        List<Long> arrivals = new ArrayList<>();
        for (WebhookReceiver.Arrival arrival : receiver.arrivals()) {
            JsonNode notice = read(arrival.body());
            if (projectId.equals(notice.path("projectId").asText()) && "R01".equals(notice.path("ruleId").asText())
                    && "raised".equals(notice.path("step").asText())) {
                arrivals.add(arrival.arrivedAtNanos());
            }
        }
        return arrivals;
    }

    int backgroundWrites() {
        return backgroundWrites.get();
    }

    int backgroundRefusals() {
        return backgroundRefusals.get();
    }

    private boolean allArrived(List<String> ready) {
        return ready.stream().allMatch(projectId -> !stream.raisedAt(projectId, "R01").isEmpty()
                && !webhookArrivals(desk, projectId).isEmpty());
    }

    /** Progress on other projects of another region and owner, at a steady rate; none of it raises an alert. */
    private void writeInTheBackground(int writesPerSecond) {
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            busy.add(project("BG-" + i, "Beilun", "sup-wang", backgroundOwner));
        }
        AtomicInteger next = new AtomicInteger();
        background.scheduleAtFixedRate(() -> {
            int write = next.getAndIncrement();
            String projectId = busy.get(write % busy.size());
            // progress creeps up by a tenth of a percent each time, as dated reports of one day would
            String progress = "%d.%d".formatted(10 + write / busy.size() / 10 % 80, write / busy.size() % 10);
            GatewayClient.Response answer = backgroundOwner.call("POST", "/api/projects/" + projectId + "/progress",
                    "{\"physicalProgress\": " + progress + ", \"date\": \"2025-06-30\"}");
            (answer.status() / 100 == 2 ? backgroundWrites : backgroundRefusals).incrementAndGet();
        }, 0, 1_000_000 / writesPerSecond, TimeUnit.MICROSECONDS);
    }

    private String project(String code, String region, String supervisor, GatewayClient by) {
        String projectId = patiently(admin, "/api/projects", """
                {"code": "%s", "title": "Harbour road viaduct %s", "type": "construction", "region": "%s",
                 "ownerOrganisation": "%s", "budget": {"amount": "50000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"}, "supervisors": ["%s"]}"""
                .formatted(code, code, region, by == owner ? "transport-bureau" : "water-authority", supervisor))
                .get("projectId").asText();
        String project = "/api/projects/" + projectId;
        patiently(admin, project + "/approval", "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-3\"}");
        patiently(by, project + "/contracts", """
                {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                 "numberOfTenderers": 4, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-03-10"},
                 "costEstimate": {"amount": "11000000.00", "currency": "CNY"}},
                 "supplier": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                 "contractValue": {"amount": "10000000.00", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-04-01", "endDate": "2027-06-30"},
                 "dateSigned": "2025-03-20"}""");
        patiently(by, project + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-30\"}");
        return projectId;
    }

    /** A write that must succeed, waiting out the gateway's rate limit where it answers 429. */
    private static JsonNode patiently(GatewayClient client, String path, String body) {
        for (int tries = 0; ; tries++) {
            GatewayClient.Response answer = client.call("POST", path, body);
            if (answer.status() / 100 == 2) {
                return answer.json();
            }
            if (answer.status() != 429 || tries > 50) {
                throw new AssertionError("POST " + path + " → " + answer.status() + " " + answer.body());
            }
            pause(Duration.ofMillis(200));
        }
    }

    private static Long first(List<Long> arrivals) {
        return arrivals.isEmpty() ? null : arrivals.get(0);
    }

    private static long millisSince(long startNanos, Long endNanos) {
        return endNanos == null ? -1 : TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        desk.close();
    }
}
