package org.jianhu.alert.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint on the JDK's HTTP server that refuses (503) the next {@code failures} requests, then accepts. */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, accepted or not. */
    public record Received(Map<String, String> headers, String body, boolean accepted) {
    }

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver(int failures) throws IOException {
        failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean accept = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) == 0;
            received.add(new Received(Map.of("timestamp", header(exchange, "X-Jianhu-Timestamp"),
                    "signature", header(exchange, "X-Jianhu-Signature"),
                    "delivery", header(exchange, "X-Jianhu-Delivery")), body, accept));
            exchange.sendResponseHeaders(accept ? 204 : 503, -1);
            exchange.close();
        });
        server.start();
    }

    private static String header(com.sun.net.httpserver.HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
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
        server.stop(0);
    }
}
