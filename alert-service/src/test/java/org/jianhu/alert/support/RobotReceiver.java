package org.jianhu.alert.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DingTalk custom robot and a WeCom group robot as their vendors document them, on the JDK's HTTP server:
 * DingTalk at {@code /robot/send?access_token=…} checks 加签 exactly as documented (a {@code timestamp} within
 * an hour, {@code sign} = Base64 of HMAC-SHA256 over {@code timestamp + "\n" + secret}, URL-encoded) and the
 * keyword; WeCom at {@code /cgi-bin/webhook/send?key=…} checks the key. Both answer {@code errcode} JSON.
 */
public final class RobotReceiver implements AutoCloseable {

    public static final String KEYWORD = "预警";
    private static final long HOUR_MILLIS = 3_600_000;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final String dingTalkToken;
    private final String dingTalkSecret;
    private final String weComKey;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<Integer> refusals = new CopyOnWriteArrayList<>();

    public RobotReceiver(String dingTalkToken, String dingTalkSecret, String weComKey) throws IOException {
        this.dingTalkToken = dingTalkToken;
        this.dingTalkSecret = dingTalkSecret;
        this.weComKey = weComKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robot/send", exchange -> answer(exchange, dingTalk(exchange)));
        server.createContext("/cgi-bin/webhook/send", exchange -> answer(exchange, weCom(exchange)));
        server.start();
    }

    public String dingTalkUrl(String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=" + token;
    }

    public String weComUrl(String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + key;
    }

    /** The messages taken (errcode 0), as posted. */
    public List<JsonNode> accepted() {
        return new ArrayList<>(accepted);
    }

    public List<Integer> refusals() {
        return new ArrayList<>(refusals);
    }

    private int dingTalk(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        if (!dingTalkToken.equals(query.get("access_token"))) {
            return 300001;
        }
        String timestamp = query.get("timestamp");
        if (timestamp == null || query.get("sign") == null
                || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > HOUR_MILLIS
                || !query.get("sign").equals(sign(timestamp, dingTalkSecret))) {
            return 310000;
        }
        JsonNode message = json.readTree(exchange.getRequestBody());
        if (!message.path("msgtype").asText().equals("markdown") || !message.at("/markdown/title").isTextual()
                || !message.at("/markdown/text").isTextual()) {
            return 40035;
        }
        if (!message.at("/markdown/text").asText().contains(KEYWORD)) {
            return 310000;
        }
        accepted.add(message);
        return 0;
    }

    private int weCom(HttpExchange exchange) throws IOException {
        if (!weComKey.equals(query(exchange).get("key"))) {
            return 93000;
        }
        JsonNode message = json.readTree(exchange.getRequestBody());
        if (!message.path("msgtype").asText().equals("markdown") || !message.at("/markdown/content").isTextual()) {
            return 40035;
        }
        if (message.at("/markdown/content").asText().getBytes(StandardCharsets.UTF_8).length > 4096) {
            return 40058;
        }
        accepted.add(message);
        return 0;
    }

    /** As the vendor computes it, then decoded from the URL as the vendor reads the parameter. */
    private static String sign(String timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private void answer(HttpExchange exchange, int errcode) throws IOException {
        if (errcode != 0) {
            refusals.add(errcode);
        }
        byte[] body = ("{\"errcode\":" + errcode + ",\"errmsg\":\"" + (errcode == 0 ? "ok" : "refused") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
