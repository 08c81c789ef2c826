package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's public API as a demo user calls it: tokens from the dev issuer, writes with an
 * Idempotency-Key. Waits out the rate limit (429 with Retry-After) and retries an unavailable
 * service (503, or no connection) a few times; a replayed write stays a replay, so retrying is safe.
 */
public class Gateway {

    /** A write's answer: status, whether it was replayed from an earlier identical request, body. */
    public record Answer(int status, boolean replayed, long retryAfterSeconds, JsonNode body, String text) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNAVAILABLE_RETRIES = 5;
    private static final int RATE_LIMIT_RETRIES = 60;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();

    public Gateway(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    public Answer post(String user, String path, String idempotencyKey, JsonNode body) {
        byte[] bytes = bytes(body);
        return send(user, () -> HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    public Answer get(String user, String path) {
        return send(user, () -> HttpRequest.newBuilder(base.resolve(path.substring(1))).GET());
    }

    /**
     * Every item of a list, read page after page as the API pages it (each page's {@code next} sent back as
     * {@code after}, until it is null); a page that is not answered is the seed's failure.
     */
    public List<JsonNode> everyItem(String user, String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String after = null;
        do {
            Answer page = get(user, path + separator + "limit=500" + (after == null ? "" : "&after=" + after));
            if (!page.ok()) {
                throw new SeedFailure("reading " + path + " failed: HTTP " + page.status() + " " + page.text());
            }
            page.body().path("items").forEach(items::add);
            after = page.body().path("next").isTextual() ? page.body().get("next").asText() : null;
        } while (after != null);
        return items;
    }

    public String token(String user) {
        return tokens.computeIfAbsent(user, this::issue);
    }

    private String issue(String user) {
        Answer answer = exchange(HttpRequest.newBuilder(base.resolve("dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(JSON.createObjectNode().put("user", user))))
                .build());
        if (!answer.ok()) {
            throw new SeedFailure("no token for " + user + " from " + base + "dev/token (is the gateway running "
                    + "with the dev profile?): " + answer.status() + " " + answer.text());
        }
        return answer.body().path("access_token").asText();
    }

    private Answer send(String user, Supplier<HttpRequest.Builder> request) {
        int unavailable = 0;
        int limited = 0;
        boolean reauthenticated = false;
        while (true) {
            Answer answer = exchange(request.get().header("Authorization", "Bearer " + token(user)).build());
            if (answer.status() == 429 && limited++ < RATE_LIMIT_RETRIES) {
                pause(Duration.ofSeconds(Math.max(1, answer.retryAfterSeconds())));
            } else if ((answer.status() == 503 || answer.status() == -1) && unavailable++ < UNAVAILABLE_RETRIES) {
                pause(Duration.ofSeconds(1L << unavailable));
            } else if (answer.status() == 401 && !reauthenticated) {
                // a restarted gateway signs with a new key: one fresh token is worth a try
                tokens.remove(user);
                reauthenticated = true;
            } else {
                return answer;
            }
        }
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false),
                    response.headers().firstValue("Retry-After").map(Gateway::seconds).orElse(1L),
                    parse(text), text);
        } catch (IOException unreachable) {
            return new Answer(-1, false, 0, JSON.nullNode(), "no answer from " + request.uri() + ": " + unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SeedFailure("interrupted while calling " + request.uri());
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException notSeconds) {
            return 1;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException notJson) {
            return JSON.nullNode();
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SeedFailure("interrupted");
        }
    }
}
