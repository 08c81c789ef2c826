package org.jianhu.project.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.TestIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The project service's HTTP API as a client sees it, acting as one user whose identity headers are
 * signed as the gateway signs them (afresh for each request), or as nobody at all.
 */
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
    private final String organisation;
    private final String region;

    /** Acts as this user; organisation and region may be null. */
    public Api(int port, String user, String role, String organisation, String region) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.role = role;
        this.organisation = organisation;
        this.region = region;
    }

    /** Sends no identity of its own: only the headers each request names. */
    public static Api anonymous(int port) {
        return new Api(port, null, null, null, null);
    }

    public Response post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
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

    /** Registers a project of owner-org supervised by sup-li (as an admin may) and answers its id. */
    public String register(String code, String region) {
        return register(code, region, "owner-org", "sup-li");
    }

    public String register(String code, String region, String ownerOrganisation, String supervisor) {
        Response created = post("/api/projects", """
                {"code": "%s", "title": "Project %s", "type": "construction", "region": "%s",
                 "ownerOrganisation": "%s", "budget": {"amount": "100000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                 "supervisors": ["%s"]}""".formatted(code, code, region, ownerOrganisation, supervisor));
        if (created.status() != 201) {
            throw new IllegalStateException("registration failed: " + created.raw().body());
        }
        return created.json().get("projectId").asText();
    }

    private Response send(HttpRequest.Builder request, String... headers) {
        if (user != null) {
            TestIdentity.headers(user, role, organisation, region).forEach(request::header);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
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
