package org.jianhu.system;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A supervisor's webhook endpoint that keeps every delivery whose signature verifies, with the moment it came. It
 * can answer late, as a slow intranet endpoint or a sleeping laptop does; it answers several at once.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A verified delivery: its body, its delivery id and when it came ({@link System#nanoTime()}). */
    record Arrival(String body, String deliveryId, long arrivedAtNanos) {
    }

    private final String secret;
    private final HttpServer server;
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret) throws IOException {
        this(secret, Duration.ZERO);
    }

    WebhookReceiver(String secret, Duration answerAfter) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(answering);
        server.createContext("/hook", exchange -> {
            long arrived = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Jianhu-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Jianhu-Signature");
            boolean genuine = timestamp != null && ("sha256=" + sign(timestamp + "." + body)).equals(signature);
            sleep(answerAfter);
            if (genuine) {
                arrivals.add(new Arrival(body, exchange.getRequestHeaders().getFirst("X-Jianhu-Delivery"), arrived));
            }
            exchange.sendResponseHeaders(genuine ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<String> verifiedBodies() {
        return arrivals.stream().map(Arrival::body).toList();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    private String sign(String text) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        answering.shutdownNow();
    }
}
