package org.jianhu.project.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The project service's HTTP API as a client sees it, acting as one user. */
public final class Api {

    /** A response with its body read as JSON (null when empty or not JSON). */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String user;
    private final String role;

    public Api(int port, String user, String role) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.role = role;
    }

    public Response post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("X-Jianhu-User", user).header("X-Jianhu-Role", role);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public List<JsonNode> ndjson(String path) {
        Response response = get(path);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.raw().body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(read(line));
            }
        }
        return lines;
    }

    /** Registers a project and answers its id. */
    public String register(String code, String region) {
        Response created = post("/api/projects", """
                {"code": "%s", "title": "Project %s", "type": "construction", "region": "%s",
                 "ownerOrganisation": "owner-org", "budget": {"amount": "100000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                 "supervisors": ["sup-li"]}""".formatted(code, code, region));
        if (created.status() != 201) {
            throw new IllegalStateException("registration failed: " + created.raw().body());
        }
        return created.json().get("projectId").asText();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? null : read(body);
            return new Response(response.statusCode(), response, json);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }
}
