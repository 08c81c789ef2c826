package org.jianhu.alert.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on the JDK's HTTP server. By default it refuses (503) the next {@code failures} requests,
 * then accepts (204); {@link #redirecting()} answers 302 instead, {@link #stalling()} answers nothing until closed.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, accepted or not. */
    public record Received(String path, Map<String, String> headers, String body, boolean accepted) {
    }

    private enum Manner { FAILING_FIRST, REDIRECTING, STALLING }

    private final Manner manner;
    private final AtomicInteger failuresLeft;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    public WebhookReceiver(int failures) throws IOException {
        this(Manner.FAILING_FIRST, failures);
    }

    private WebhookReceiver(Manner manner, int failures) throws IOException {
        this.manner = manner;
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::receive);
        server.start();
    }

    /** Answers every request with 302 to another path of its own, which would accept were it followed. */
    public static WebhookReceiver redirecting() throws IOException {
        return new WebhookReceiver(Manner.REDIRECTING, 0);
    }

    /** Takes each request and answers nothing until it is closed: only the sender's timeout ends the try. */
    public static WebhookReceiver stalling() throws IOException {
        return new WebhookReceiver(Manner.STALLING, 0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = answer(exchange);
        received.add(new Received(exchange.getRequestURI().getPath(), Map.of(
                "timestamp", header(exchange, "X-Jianhu-Timestamp"),
                "signature", header(exchange, "X-Jianhu-Signature"),
                "delivery", header(exchange, "X-Jianhu-Delivery")), body, status / 100 == 2));
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
                try {
                    closing.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                yield 204;
            }
        };
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

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
