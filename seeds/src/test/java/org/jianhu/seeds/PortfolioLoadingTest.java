package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortfolioLoadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DUPLICATE = "{\"type\": \"urn:jianhu:problem:duplicate-code\", \"status\": 409}";

    private record Reply(int status, Map<String, String> headers, String body) {
    }

    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final HttpServer gateway = stubGateway();

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void aCodeRegisteredBeforeIsFoundInTheRegisterAndReplayedStepsCountAsAlreadyThere() {
        replies.add(new Reply(409, Map.of(), DUPLICATE));
        replies.add(new Reply(200, Map.of(), "{\"items\": [{\"projectId\": \"p-7\", \"code\": \"NB-TEST\"}], \"next\": null}"));
        replies.add(new Reply(200, Map.of("Idempotent-Replayed", "true"), "{\"projectId\": \"p-7\", \"version\": 1}"));

        PortfolioLoading.Loaded loaded = load();

        assertThat(loaded.applied()).isZero();
        assertThat(loaded.alreadyThere()).isEqualTo(2);
        assertThat(loaded.projects().get(0).projectId()).isEqualTo("p-7");
        assertThat(requests).contains("POST /api/projects/p-7/approval seed-NB-TEST-1");
    }

    @Test
    void aProjectLoadedOnAnEarlierDayGoesOnWithTheDatesItWasLoadedWith() {
        replies.add(new Reply(422, Map.of(), "{\"type\": \"urn:jianhu:problem:idempotency-key-reused\", \"status\": 422}"));
        replies.add(new Reply(200, Map.of(), "{\"items\": [{\"projectId\": \"p-7\", \"code\": \"NB-TEST\"}], "
                + "\"next\": null}"));
        replies.add(new Reply(200, Map.of(), "{\"projectId\": \"p-7\", \"plannedPeriod\": {\"startDate\": \"2025-01-04\"}}"));
        replies.add(new Reply(200, Map.of("Idempotent-Replayed", "true"), "{\"projectId\": \"p-7\", \"version\": 1}"));
        Step approval = new Step("admin-chen", LocalDate.of(2025, 2, 1), "approval",
                body("{\"approvalDate\": \"2025-02-01\", \"approvalDocumentNumber\": \"A-1\"}"));
        Step registration = new Step("admin-chen", LocalDate.of(2025, 1, 1), null, body("{\"code\": \"NB-TEST\", "
                + "\"region\": \"Haishu\", \"ownerOrganisation\": \"transport-bureau\", \"supervisors\": [\"sup-li\"], "
                + "\"plannedPeriod\": {\"startDate\": \"2025-01-01\", \"endDate\": \"2026-12-31\"}}"));
        var project = new ProjectSeed("NB-TEST", new ProjectSeed.Expected("GREEN", List.of()), registration,
                List.of(approval));

        // Designed to end ten days ago: today's calendar would move dates by ten days, the first load's by three.
        PortfolioLoading.Loaded loaded = new PortfolioLoading(new Gateway(url()), new Permissions(DemoUsers.load()))
                .load(new Portfolio(Map.of("GREEN", 1), LocalDate.now(Portfolio.ZONE).minusDays(10), List.of(project)));

        assertThat(loaded.projects().get(0).projectId()).isEqualTo("p-7");
        assertThat(bodies.get(0)).contains("\"startDate\":\"2025-01-11\"");
        assertThat(requests.get(2)).isEqualTo("GET /api/projects/p-7");
        assertThat(bodies.get(3)).contains("\"approvalDate\":\"2025-02-04\"");
    }

    @Test
    void theRateLimitIsWaitedOutAndEveryCallCarriesItsStepsKey() {
        replies.add(new Reply(201, Map.of(), "{\"projectId\": \"p-1\", \"version\": 0}"));
        replies.add(new Reply(429, Map.of("Retry-After", "1"), "{\"status\": 429}"));
        replies.add(new Reply(200, Map.of(), "{\"projectId\": \"p-1\", \"version\": 1}"));

        PortfolioLoading.Loaded loaded = load();

        assertThat(loaded.applied()).isEqualTo(2);
        assertThat(loaded.projects().get(0).version()).isEqualTo(1);
        assertThat(requests).containsSubsequence("POST /api/projects seed-NB-TEST-0",
                "POST /api/projects/p-1/approval seed-NB-TEST-1", "POST /api/projects/p-1/approval seed-NB-TEST-1");
    }

    @Test
    void aRefusedStepStopsTheLoadNamingProjectStepAndProblem() {
        replies.add(new Reply(201, Map.of(), "{\"projectId\": \"p-1\", \"version\": 0}"));
        replies.add(new Reply(409, Map.of(), "{\"type\": \"urn:jianhu:problem:conflict\", \"detail\": \"already approved\"}"));

        assertThatThrownBy(this::load).isInstanceOf(SeedFailure.class)
                .hasMessageContaining("NB-TEST, step 1 (admin-chen POST approval of 2025-02-01)")
                .hasMessageContaining("HTTP 409").hasMessageContaining("already approved");
    }

    @Test
    void aStepTheActorMayNotTakeStopsTheLoadBeforeAnyCall() {
        var project = project(new Step("owner-liu", LocalDate.of(2025, 2, 1), "approval", body("{}")));
        var loading = new PortfolioLoading(new Gateway(url()), new Permissions(DemoUsers.load()));

        assertThatThrownBy(() -> loading.load(new Portfolio(Map.of(), List.of(project))))
                .hasMessageContaining("only an admin");
        assertThat(requests).isEmpty();
    }

    private PortfolioLoading.Loaded load() {
        var project = project(new Step("admin-chen", LocalDate.of(2025, 2, 1), "approval",
                body("{\"approvalDate\": \"2025-02-01\", \"approvalDocumentNumber\": \"A-1\"}")));
        return new PortfolioLoading(new Gateway(url()), new Permissions(DemoUsers.load()))
                .load(new Portfolio(Map.of("GREEN", 1), List.of(project)));
    }

    private static ProjectSeed project(Step step) {
        Step registration = new Step("admin-chen", LocalDate.of(2025, 1, 10), null, body("{\"code\": \"NB-TEST\", "
                + "\"region\": \"Haishu\", \"ownerOrganisation\": \"transport-bureau\", \"supervisors\": [\"sup-li\"]}"));
        return new ProjectSeed("NB-TEST", new ProjectSeed.Expected("GREEN", List.of()), registration, List.of(step));
    }

    private HttpServer stubGateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/dev/token", exchange -> answer(exchange, new Reply(200, Map.of(),
                    "{\"access_token\": \"t\"}")));
            server.createContext("/api/", exchange -> {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                        + (exchange.getRequestHeaders().containsKey("Idempotency-Key")
                        ? " " + exchange.getRequestHeaders().getFirst("Idempotency-Key") : ""));
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer(exchange, replies.isEmpty() ? new Reply(500, Map.of(), "{}") : replies.poll());
            });
            server.start();
            return server;
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getRequestBody().readAllBytes();
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    private static JsonNode body(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }
}
