package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.PageWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** One demo user's calls through the gateway, with their bearer token. */
final class GatewayClient {

    /** A response with its body read as JSON where it is JSON. */
    record Response(int status, String body, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String gateway;
    private final Supplier<String> token;

    GatewayClient(String gateway, Supplier<String> token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** One token, taken now, for all calls. */
    static GatewayClient as(RunningSystem system, String user) {
        String token = system.token(user);
        return new GatewayClient(system.gatewayUrl(), () -> token);
    }

    /** A new token for every call: for a gateway that issues short-lived ones. */
    static GatewayClient freshTokensFor(RunningSystem system, String user) {
        return new GatewayClient(system.gatewayUrl(), () -> system.token(user));
    }

    /** Calls with a given token, or none at all (null). */
    static GatewayClient withToken(RunningSystem system, String token) {
        return new GatewayClient(system.gatewayUrl(), () -> token);
    }

    Response call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        String bearer = token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** A call that must succeed (2xx); its JSON answer. */
    JsonNode ok(String method, String path, String body) {
        Response response = call(method, path, body);
        if (response.status() < 200 || response.status() > 299) {
            throw new AssertionError(method + " " + path + " → " + response.status() + " " + response.body());
        }
        return response.json();
    }

    JsonNode get(String path) {
        return ok("GET", path, null);
    }

    /** Every item of a list, walked page after page as a client does (the API pages every list). */
    List<JsonNode> everyItem(String path) {
        String separator = path.contains("?") ? "&" : "?";
        return PageWalk.walk(after -> get(path + separator + "limit=500" + (after == null ? "" : "&after=" + after)))
                .items();
    }

    JsonNode post(String path, String body) {
        return ok("POST", path, body);
    }

    /** Follows a server-sent event stream in the background, collecting its lines. */
    List<String> follow(String path) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path))
                        .header("Authorization", "Bearer " + token.get()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(lines::add));
        return lines;
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
