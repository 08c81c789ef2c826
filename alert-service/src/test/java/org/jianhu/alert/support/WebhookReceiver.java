package org.jianhu.alert.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on the JDK's HTTP server. By default it refuses (503) the next {@code failures} requests,
 * then accepts (204); {@link #redirecting()} answers 302 instead, {@link #stalling()} answers nothing until closed,
 * {@link #slow(Duration)} accepts each request after a while.
 * {@link #hold(int)} keeps the n-th request that arrives unanswered until {@link #release(int)}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived (when, on this machine's clock), accepted or not. */
    public record Received(String path, Map<String, String> headers, String body, boolean accepted,
                           Instant arrivedAt) {
    }

    private enum Manner { FAILING_FIRST, REDIRECTING, STALLING, SLOW }

    private final Manner manner;
    private final Duration slowness;
    private final AtomicInteger failuresLeft;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Map<Integer, CountDownLatch> held = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    public WebhookReceiver(int failures) throws IOException {
        this(Manner.FAILING_FIRST, failures, Duration.ZERO);
    }

    private WebhookReceiver(Manner manner, int failures, Duration slowness) throws IOException {
        this.manner = manner;
        this.slowness = slowness;
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::receive);
        server.start();
    }

    /** Answers every request with 302 to another path of its own, which would accept were it followed. */
    public static WebhookReceiver redirecting() throws IOException {
        return new WebhookReceiver(Manner.REDIRECTING, 0, Duration.ZERO);
    }

    /** Takes each request and answers nothing until it is closed: only the sender's timeout ends the try. */
    public static WebhookReceiver stalling() throws IOException {
        return new WebhookReceiver(Manner.STALLING, 0, Duration.ZERO);
    }

    /** Accepts each request, but only {@code slowness} after it arrived. */
    public static WebhookReceiver slow(Duration slowness) throws IOException {
        return new WebhookReceiver(Manner.SLOW, 0, slowness);
    }

    private void receive(HttpExchange exchange) throws IOException {
        int nth = arrived.incrementAndGet();
        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            answerAndRecord(exchange, held.get(nth));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answerAndRecord(HttpExchange exchange, CountDownLatch hold) throws IOException {
        Instant arrivedAt = Instant.now();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (hold != null) {
            await(hold);
        }
        int status = answer(exchange);
        received.add(new Received(exchange.getRequestURI().getPath(), Map.of(
                "timestamp", header(exchange, "X-Jianhu-Timestamp"),
                "signature", header(exchange, "X-Jianhu-Signature"),
                "delivery", header(exchange, "X-Jianhu-Delivery")), body, status / 100 == 2, arrivedAt));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private int answer(HttpExchange exchange) {
        return switch (manner) {
            case FAILING_FIRST -> failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) == 0 ? 204 : 503;
            case REDIRECTING -> {
                if (!exchange.getRequestURI().getPath().equals("/hook")) {
                    yield 204;
                }
                exchange.getResponseHeaders().set("Location", "/elsewhere");
                yield 302;
            }
            case STALLING -> {
                await(closing);
                yield 204;
            }
            case SLOW -> {
                try {
                    closing.await(slowness.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                yield 204;
            }
        };
    }

    private void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held for a minute: the test forgot to let go");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void acceptFromNowOn() {
        failuresLeft.set(0);
    }

    /** The n-th request to arrive (from 1) will wait, unanswered, until {@link #release(int)}. */
    public void hold(int nth) {
        held.put(nth, new CountDownLatch(1));
    }

    /** Answers the n-th request, as the receiver answers by then. */
    public void release(int nth) {
        held.get(nth).countDown();
    }

    /** Every request that arrived, answered or not yet. */
    public int arrived() {
        return arrived.get();
    }

    /** Requests arrived and not answered yet. */
    public int unanswered() {
        return inFlight.get();
    }

    /** The most requests it was ever answering at once. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }
}
