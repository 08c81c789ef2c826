package org.jianhu.project.bench.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.TestIdentity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The latency of the register and of a project's state as a caller sees it, over HTTP from this JVM to the service
 * on the loaded database, one request at a time; beside each, the raw SQL the answer stands on, timed through JDBC
 * on the service's own pool: what the answer costs beyond reading its rows.
 */
final class ListLatency {

    private static final String COLUMNS = "SELECT project_id, code, title, type, region, owner_organisation, status, "
            + "suspended, version FROM project_listing";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Percentiles in milliseconds. */
    record Percentiles(double p50, double p95, double p99) {
    }

    record Measured(String request, Percentiles answer, String baseline, Percentiles raw) {
    }

    record Caller(String user, String role, String organisation, String region) {

        static final Caller AUDITOR = new Caller(Zhejiang.AUDITOR, "auditor", "audit-bureau", null);

        Map<String, String> headers() {
            return TestIdentity.headers(user, role, organisation, region);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final JdbcTemplate jdbc;
    private final int requests;
    private final int warmUp;

    ListLatency(int port, JdbcTemplate jdbc, int requests) {
        this.base = "http://localhost:" + port;
        this.jdbc = jdbc;
        this.requests = requests;
        this.warmUp = Math.max(20, requests / 5);
    }

    List<Measured> measure() throws Exception {
        long total = jdbc.queryForObject("SELECT count(*) FROM project_listing", Long.class);
        String region = "Hangzhou";
        String status = "implementation";
        Caller supervisor = new Caller(Zhejiang.region(region).supervisors().get(0), "supervisor",
                "supervision-office", region);
        Deep deep = deepCursor(total * 9 / 10);
        List<String> projects = jdbc.queryForList("SELECT project_id FROM project_listing ORDER BY md5(project_id) "
                + "LIMIT ?", String.class, requests + warmUp);
        return List.of(
                new Measured("`GET /api/projects` (first page of 50, auditor)", http(Caller.AUDITOR, i -> "/api/projects"),
                        "`count(*)` + first 51 rows by (code, id)", sql(i -> {
                            jdbc.queryForObject("SELECT count(*) FROM project_listing", Long.class);
                            jdbc.queryForList(COLUMNS + " ORDER BY code, project_id LIMIT 51");
                        })),
                new Measured("`GET /api/projects?region=" + region + "&status=" + status + "` (auditor)",
                        http(Caller.AUDITOR, i -> "/api/projects?region=" + region + "&status=" + status),
                        "the same, `WHERE region = ? AND status = ?`", sql(i -> {
                            jdbc.queryForObject("SELECT count(*) FROM project_listing WHERE region = ? AND status = ?",
                                    Long.class, region, status);
                            jdbc.queryForList(COLUMNS + " WHERE region = ? AND status = ? ORDER BY code, project_id "
                                    + "LIMIT 51", region, status);
                        })),
                new Measured("`GET /api/projects?after=…` (the page after the " + String.format("%,d", deep.position)
                        + "th project, auditor)", http(Caller.AUDITOR, i -> "/api/projects?after="
                        + URLEncoder.encode(deep.cursor, StandardCharsets.UTF_8)),
                        "`count(*)` + 51 rows after `(code, id) > (?, ?)`", sql(i -> {
                            jdbc.queryForObject("SELECT count(*) FROM project_listing", Long.class);
                            jdbc.queryForList(COLUMNS + " WHERE (code, project_id) > (?, ?) ORDER BY code, project_id "
                                    + "LIMIT 51", deep.code, deep.projectId);
                        })),
                new Measured("`GET /api/projects` (first page, supervisor of " + region + ")",
                        http(supervisor, i -> "/api/projects"),
                        "the same, `WHERE (? = ANY (supervisors) OR region = ?)`", sql(i -> {
                            String where = " WHERE (? = ANY (supervisors) OR region = ?)";
                            jdbc.queryForObject("SELECT count(*) FROM project_listing" + where, Long.class,
                                    supervisor.user(), region);
                            jdbc.queryForList(COLUMNS + where + " ORDER BY code, project_id LIMIT 51",
                                    supervisor.user(), region);
                        })),
                new Measured("`GET /api/projects/{id}` (a project's state, auditor; a different project each time)",
                        http(Caller.AUDITOR, i -> "/api/projects/" + projects.get(i)),
                        "its events: `SELECT payload … WHERE aggregate_identifier = ? ORDER BY sequence_number`",
                        sql(i -> jdbc.query("SELECT payload_type, payload_revision, payload, meta_data, time_stamp, "
                                        + "global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY "
                                        + "sequence_number", (row, n) -> row.getBytes(3),
                                projects.get(i)))));
    }

    private record Deep(long position, String cursor, String code, String projectId) {
    }

    /** Walks the register by some twenty pages to about {@code position}, keeping the cursor found there. */
    private Deep deepCursor(long position) throws Exception {
        long limit = Math.max(1, Math.min(500, position / 20));
        String after = null;
        long read = 0;
        JsonNode last = null;
        while (read < position) {
            JsonNode page = get(Caller.AUDITOR, "/api/projects?limit=" + limit + (after == null ? ""
                    : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            JsonNode items = page.get("items");
            if (items.isEmpty() || page.get("next").isNull()) {
                throw new IllegalStateException("the register ended before position " + position);
            }
            read += items.size();
            last = items.get(items.size() - 1);
            after = page.get("next").asText();
        }
        return new Deep(read, after, last.get("code").asText(), last.get("projectId").asText());
    }

    private Percentiles http(Caller caller, IntFunction<String> path) throws Exception {
        return timed(i -> {
            try {
                get(caller, path.apply(i));
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
    }

    private Percentiles sql(IntConsumer query) {
        return timed(query);
    }

    private JsonNode get(Caller caller, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        caller.headers().forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    /** Warm-up first, then {@code requests} timed calls, one after another. */
    private Percentiles timed(IntConsumer call) {
        for (int i = 0; i < warmUp; i++) {
            call.accept(requests + i);
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            call.accept(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Percentiles(at(millis, 0.50), at(millis, 0.95), at(millis, 0.99));
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
