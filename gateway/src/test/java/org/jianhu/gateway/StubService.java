package org.jianhu.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A downstream service on a random local port: answers who it is and remembers the last call. */
public final class StubService {

    public record Received(String method, String path, Headers headers) {
    }

    public static final StubService PROJECT = new StubService("project-service");
    public static final StubService SUPERVISION = new StubService("supervision-service");
    public static final StubService ALERT = new StubService("alert-service");

    private final String name;
    private final HttpServer server;
    private volatile Received last;

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        last = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders());
        exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestURI().getPath().endsWith("/drop")) {
            exchange.close();
            throw new IOException("dropping the call, as a failing service would");
        }
        if (exchange.getRequestURI().getPath().endsWith("/trickle")) {
            trickle(exchange);
            return;
        }
        if (exchange.getRequestURI().getPath().endsWith("/slow")) {
            pause();
        }
        byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Answers at once, then sends the body slowly, as an event stream does. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(": first\n\n".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        pause();
        exchange.getResponseBody().write(": second\n\n".getBytes(StandardCharsets.UTF_8));
        exchange.close();
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Received last() {
        return last;
    }
}
