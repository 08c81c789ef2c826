package org.jianhu.supervision.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.jianhu.testsupport.TestIdentity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project service's {@code GET /api/projects/{id}/history} and global log {@code GET /api/events},
 * answering what a test put in it, as the project service does only to callers whose identity is signed
 * with the shared secret (401 otherwise). It remembers who called.
 */
public final class HistoryStub implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Map<String, List<EventEnvelope>> histories = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> historyRequests = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private volatile long logEnd = Long.MAX_VALUE;
    private volatile Duration historyDelay = Duration.ZERO;
    private volatile CountDownLatch logGate = new CountDownLatch(0);
    private volatile int gatedRequest;
    private final AtomicInteger logRequests = new AtomicInteger();
    private final IdentityAssertion identities = new IdentityAssertion(TestIdentity.SECRET, Duration.ofMinutes(5));
    private final Set<CallerIdentity> callers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();

    public HistoryStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
        server.createContext("/api/projects/", exchange -> {
            if (!identified(exchange)) {
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length > 3) {
                historyRequests.computeIfAbsent(path[3], id -> new AtomicInteger()).incrementAndGet();
            }
            pause(historyDelay);
            List<EventEnvelope> history = path.length == 5 && "history".equals(path[4]) ? histories.get(path[3]) : null;
            byte[] body = history == null ? "{\"status\":404}".getBytes() : json.writeValueAsBytes(history);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(history == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/api/events", exchange -> {
            if (!identified(exchange)) {
                return;
            }
            if (logRequests.incrementAndGet() == gatedRequest) {
                try {
                    logGate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts[1]);
            }
            long after = Long.parseLong(query.getOrDefault("after", "0"));
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            StringBuilder body = new StringBuilder();
            for (EventEnvelope envelope : histories.values().stream().flatMap(List::stream)
                    .filter(envelope -> envelope.globalPosition() > after && envelope.globalPosition() <= logEnd)
                    .sorted(java.util.Comparator.comparingLong(EventEnvelope::globalPosition))
                    .limit(limit).toList()) {
                body.append(json.writeValueAsString(envelope)).append('\n');
            }
            byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(handlers);
        server.start();
    }

    private boolean identified(HttpExchange exchange) throws IOException {
        try {
            callers.add(identities.verify(exchange.getRequestHeaders()::getFirst, Instant.now()));
            return true;
        } catch (IdentityAssertion.Unverified unverified) {
            refused.incrementAndGet();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return false;
        }
    }

    /** Every identity a request came with, verified. */
    public Set<CallerIdentity> callers() {
        return Set.copyOf(callers);
    }

    /** How many requests came without a valid signature. */
    public int refused() {
        return refused.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void holds(String projectId, EventEnvelope... history) {
        histories.put(projectId, List.of(history));
    }

    /** Forgets every history (and so the whole log). */
    public void clear() {
        histories.clear();
    }

    /** Every history is answered only after {@code delay}, as by a project service that is slow to answer. */
    public void answersHistoriesAfter(Duration delay) {
        historyDelay = delay;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The global log ends at this position, whatever the histories hold since. */
    public void logEndsAt(long position) {
        logEnd = position;
    }

    /** The {@code request}-th read of the global log (1 for the first) waits until the returned latch is opened. */
    public CountDownLatch holdLogRequest(int request) {
        logRequests.set(0);
        gatedRequest = request;
        logGate = new CountDownLatch(1);
        return logGate;
    }

    public int historyRequests(String projectId) {
        AtomicInteger count = historyRequests.get(projectId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        logGate.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
