package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of every service, through the gateway, sent a bounded, generated set of hostile inputs: control
 * characters and halves of characters, overlong strings, numbers for text and text for numbers, impossible and
 * implausible dates, amounts beyond any budget, broken, doubled, padded and oversized JSON, hostile path segments,
 * query parameters and headers. Asserted for every answer: no 5xx, every refusal problem+json of a Jianhu kind, and
 * nothing changed by a refused request (the global event log, the rules, the alert, the subscriptions as the
 * endpoint's own reader sees them). Inputs no user means (NUL, lone surrogates, out-of-window dates, 1e400, broken
 * JSON …) must be refused. The endpoints come from the services' OpenAPI documents, so a new endpoint without a
 * case here fails the test.
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PLACEHOLDER = "\"@@hostile@@\"";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static RunningSystem system;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> ids = new LinkedHashMap<>();
    /** The query parameters each operation documents. */
    private static final Map<String, List<String>> QUERY_PARAMETERS = new LinkedHashMap<>();

    private final List<String> violations = new ArrayList<>();
    private final Map<String, int[]> tally = new LinkedHashMap<>();
    private final Set<String> accepted = new TreeSet<>();

    /** One hostile variant of a request. */
    record Variant(String what, String method, String path, String contentType, String body,
                   Map<String, String> headers, boolean mustRefuse) {
    }

    /** One endpoint: who calls it, its path with real ids, a request it accepts, and how to see what it changes. */
    record Endpoint(String method, String template, String user, String body, Supplier<String> state) {
    }

    @BeforeAll
    static void startTheSystemWithAProjectThatHasSomethingOfEverything() throws IOException {
        system = RunningSystem.start("hostile", List.of("--jianhu.rate-limit.requests-per-second=100000",
                "--jianhu.rate-limit.burst=100000"));
        for (String user : List.of("admin-chen", "owner-zhang", "sup-li", "aud-sun")) {
            tokens.put(user, system.token(user));
        }
        String project = ok("admin-chen", "POST", "/api/projects", registration("HX-1")).get("projectId").asText();
        ids.put("projectId", project);
        String p = "/api/projects/" + project;
        ok("admin-chen", "POST", p + "/approval", "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-1\"}");
        ok("owner-zhang", "POST", p + "/milestones", MILESTONE);
        ok("owner-zhang", "POST", p + "/contracts", CONTRACT);
        ok("owner-zhang", "POST", p + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-30\"}");
        ok("owner-zhang", "POST", p + "/transactions", PAYMENT);
        ok("owner-zhang", "POST", p + "/inspections", INSPECTION);
        ids.put("milestoneId", "m-1");
        ids.put("contractId", "c-1");
        ids.put("inspectionId", "i-1");
        ids.put("ruleId", "R01");
        ids.put("globalPosition", "1");
        ids.put("rebuildId", ok("admin-chen", "POST", "/api/risk/rebuild", null).get("rebuildId").asText());
        String subscription = ok("sup-li", "POST", "/api/subscriptions", "{\"level\": \"RED\", \"channel\": \"queue\"}")
                .get("id").asText();
        ids.put("subscriptionId", subscription);
        ids.put("deliveryId", UUID.randomUUID().toString());
        String alert = await().atMost(Duration.ofSeconds(90)).until(() -> firstAlertOf(project), id -> id != null);
        ids.put("id", alert);
        ids.put("alertId", alert);
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void noHostileInputGetsA5xxOrANonProblemAnswerOrChangesAnything() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(operationsOfTheServices()).as("every operation of every service has a hostile-input case here")
                .isSubsetOf(endpoints.stream().map(endpoint -> endpoint.method() + " " + endpoint.template()).toList());
        for (Endpoint endpoint : endpoints) {
            for (Variant variant : variants(endpoint)) {
                send(endpoint, variant);
            }
        }
        int[] total = tally.values().stream().reduce(new int[4], HostileInputIT::add);
        System.out.printf("hostile input: %d tried, %d refused correctly, %d accepted, %d answered 5xx%n",
                total[0], total[1], total[2], total[3]);
        tally.forEach((endpoint, counts) -> System.out.printf("  %-62s tried %4d  refused %4d  accepted %3d  5xx %d%n",
                endpoint, counts[0], counts[1], counts[2], counts[3]));
        accepted.forEach(line -> System.out.println("  accepted: " + line));
        assertThat(violations).as("hostile inputs answered wrongly").isEmpty();
        assertThat(total[0]).isGreaterThan(1_000);
    }

    private void send(Endpoint endpoint, Variant variant) throws Exception {
        String before = endpoint.state() == null ? null : endpoint.state().get();
        HttpResponse<String> answer = call(endpoint.user(), variant);
        int status = answer.statusCode();
        int[] counts = tally.computeIfAbsent(endpoint.method() + " " + endpoint.template(), key -> new int[4]);
        counts[0]++;
        String where = endpoint.method() + " " + endpoint.template() + " [" + variant.what() + "]";
        if (status >= 500) {
            counts[3]++;
            violations.add(where + " → " + status + " " + abbreviated(answer.body()));
            return;
        }
        if (status < 300) {
            counts[2]++;
            accepted.add(where + " → " + status);
            if (variant.mustRefuse()) {
                violations.add(where + " → " + status + ", but no user means this input");
            }
            return;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        JsonNode problem = GatewayClient.parse(answer.body());
        if (!type.startsWith("application/problem+json") || problem == null || !problem.path("type").asText()
                .startsWith("urn:jianhu:problem:") || problem.path("status").asInt() != status) {
            violations.add(where + " → " + status + " " + type + " " + abbreviated(answer.body()));
            return;
        }
        if (before != null && !before.equals(endpoint.state().get())) {
            violations.add(where + " → " + status + ", yet it changed what it was refused");
            return;
        }
        counts[1]++;
    }

    private static int[] add(int[] a, int[] b) {
        return new int[]{a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]};
    }

    // ----- the endpoints -----

    private static List<Endpoint> endpoints() {
        // the events recorded, by id (an export line also gains its Merkle leaf once the tree has it: not a change)
        Supplier<String> log = () -> eventIds(text("aud-sun", "/api/events?after=0&limit=100000"));
        Supplier<String> rules = () -> text("aud-sun", "/api/risk/rules");
        Supplier<String> alert = () -> text("sup-li", "/api/alerts/" + ids.get("alertId"));
        Supplier<String> subscriptions = () -> text("sup-li", "/api/subscriptions");
        String p = "/api/projects/{projectId}";
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                new Endpoint("GET", "/api/projects", "aud-sun", null, null),
                new Endpoint("GET", p, "aud-sun", null, null),
                new Endpoint("GET", p + "/history", "aud-sun", null, null),
                new Endpoint("GET", "/api/events", "aud-sun", null, null),
                new Endpoint("POST", "/api/projects", "admin-chen", registration("HX-2"), log),
                new Endpoint("POST", p + "/supervisors", "admin-chen",
                        "{\"supervisors\": [\"sup-li\", \"sup-yang\"], \"reason\": \"a second pair of eyes\"}", log),
                new Endpoint("POST", p + "/approval", "admin-chen",
                        "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-1\"}", log),
                new Endpoint("POST", p + "/milestones", "owner-zhang", MILESTONE.replace("m-1", "m-2"), log),
                new Endpoint("POST", p + "/milestones/{milestoneId}/status", "owner-zhang",
                        "{\"status\": \"met\", \"dateMet\": \"2025-09-20\"}", log),
                new Endpoint("POST", p + "/contracts", "owner-zhang", CONTRACT.replace("c-1", "c-2"), log),
                new Endpoint("POST", p + "/contracts/{contractId}/modifications", "owner-zhang", """
                        {"id": "mod-1", "date": "2025-08-01", "type": "value", "description": "deeper piles",
                         "rationale": "ground survey", "newContractValue": {"amount": "10500000.00", "currency": "CNY"}}""",
                        log),
                new Endpoint("POST", p + "/progress", "owner-zhang", "{\"physicalProgress\": 20, \"date\": \"2025-07-30\"}", log),
                new Endpoint("POST", p + "/transactions", "owner-zhang", PAYMENT.replace("pay-1", "pay-2"), log),
                new Endpoint("POST", p + "/inspections", "owner-zhang", INSPECTION.replace("i-1", "i-2"), log),
                new Endpoint("POST", p + "/inspections/{inspectionId}/rectification", "owner-zhang",
                        "{\"date\": \"2025-09-01\", \"description\": \"piles replaced\"}", log),
                new Endpoint("POST", p + "/inspections/{inspectionId}/verification", "owner-zhang",
                        "{\"date\": \"2025-09-05\", \"verifier\": \"quality-station\", \"accepted\": true}", log),
                new Endpoint("POST", p + "/suspension", "admin-chen", "{\"date\": \"2025-10-01\", \"reason\": \"typhoon\"}", log),
                new Endpoint("POST", p + "/resumption", "admin-chen", "{\"date\": \"2025-10-08\", \"reason\": \"passed\"}", log),
                new Endpoint("GET", "/api/risk/projects", "aud-sun", null, null),
                new Endpoint("GET", "/api/risk/projects/{projectId}", "aud-sun", null, null),
                new Endpoint("GET", "/api/risk/portfolio", "aud-sun", null, null),
                new Endpoint("GET", "/api/risk/signals", "aud-sun", null, null),
                new Endpoint("GET", "/api/risk/rules", "aud-sun", null, null),
                new Endpoint("PUT", "/api/risk/rules/{ruleId}", "admin-chen", "{\"yellowPoints\": 15, \"redPoints\": 30}", rules),
                new Endpoint("POST", "/api/risk/rebuild", "admin-chen", null, null),
                new Endpoint("GET", "/api/risk/rebuild/{rebuildId}", "admin-chen", null, null),
                new Endpoint("GET", "/api/alerts", "sup-li", null, null),
                new Endpoint("GET", "/api/alerts/{id}", "sup-li", null, null),
                new Endpoint("POST", "/api/alerts/{id}/assignment", "sup-li",
                        "{\"organisation\": \"transport-bureau\", \"deadline\": \"" + LocalDate.now().plusDays(14)
                                + "\", \"comment\": \"stop paying ahead\"}", alert),
                new Endpoint("POST", "/api/alerts/{id}/rectification", "owner-zhang", "{\"comment\": \"tied to progress\"}", alert),
                new Endpoint("POST", "/api/alerts/{id}/verification", "sup-li", "{\"accepted\": true, \"comment\": \"checked\"}", alert),
                new Endpoint("POST", "/api/alerts/{id}/closure", "sup-li", "{\"comment\": \"done\"}", alert),
                new Endpoint("POST", "/api/alerts/{id}/dismissal", "sup-li", "{\"justification\": \"not a risk\"}", alert),
                new Endpoint("POST", "/api/subscriptions", "sup-li", "{\"level\": \"RED\", \"channel\": \"queue\"}", subscriptions),
                new Endpoint("GET", "/api/subscriptions", "sup-li", null, null),
                new Endpoint("GET", "/api/subscriptions/{id}", "sup-li", null, null),
                new Endpoint("DELETE", "/api/subscriptions/{id}", "sup-li", null, subscriptions),
                new Endpoint("GET", "/api/subscriptions/{subscriptionId}/deliveries", "sup-li", null, null),
                new Endpoint("POST", "/api/subscriptions/{subscriptionId}/deliveries/{deliveryId}/resend", "sup-li", null,
                        subscriptions),
                new Endpoint("GET", "/api/projects/parked", "admin-chen", null, null),
                new Endpoint("POST", "/api/projects/parked/{projectId}/retry", "admin-chen", null, log),
                new Endpoint("GET", "/api/risk/parked", "admin-chen", null, null),
                new Endpoint("POST", "/api/risk/parked/{projectId}/retry", "admin-chen", null, null),
                new Endpoint("GET", "/api/alerts/parked", "admin-chen", null, null),
                new Endpoint("POST", "/api/alerts/parked/{projectId}/retry", "admin-chen", null, alert),
                new Endpoint("GET", "/api/integrity/checkpoint", "aud-sun", null, null),
                new Endpoint("GET", "/api/integrity/key", "aud-sun", null, null),
                new Endpoint("GET", "/api/integrity/checkpoints", "aud-sun", null, null),
                new Endpoint("GET", "/api/integrity/proofs/inclusion", "aud-sun", null, null),
                new Endpoint("GET", "/api/integrity/proofs/consistency", "aud-sun", null, null),
                new Endpoint("GET", "/api/events/{globalPosition}/proof", "aud-sun", null, null),
                new Endpoint("GET", p + "/oc4ids", "aud-sun", null, null),
                // without the region and supervisors it needs every variant is refused: what matters is how
                new Endpoint("POST", "/api/oc4ids/import", "admin-chen", """
                        {"uri": "https://example.org/oc4ids/hx.json", "publishedDate": "2026-11-30T00:00:00Z",
                         "publisher": {"name": "Ningbo DRC"}, "version": "0.9",
                         "projects": [{"id": "HX-OC-1", "title": "Imported viaduct", "status": "implementation",
                                       "budget": {"amount": {"amount": 1000000, "currency": "CNY"}}}]}""", log),
                // Last, as they close the project for what would follow.
                new Endpoint("POST", p + "/completion", "owner-zhang", """
                        {"endDate": "2026-10-30", "finalValue": {"amount": "10500000.00", "currency": "CNY"},
                         "finalScope": "viaduct as designed"}""", log),
                new Endpoint("POST", p + "/cancellation", "admin-chen", "{\"date\": \"2026-01-10\", \"reason\": \"merged\"}", log)));
        endpoints.add(new Endpoint("POST", "/dev/token", null, "{\"user\": \"sup-li\"}", null));
        return endpoints;
    }

    /** Every "METHOD path" the three services document (the stream is an endpoint too). */
    private static Set<String> operationsOfTheServices() throws Exception {
        Set<String> operations = new LinkedHashSet<>();
        for (String service : List.of("project-service", "supervision-service", "alert-service")) {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(
                    URI.create(system.serviceUrl(service) + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode paths = JSON.readTree(document.body()).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                String key = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(key);
                List<String> query = new ArrayList<>();
                operation.getValue().path("parameters").forEach(parameter -> {
                    if ("query".equals(parameter.path("in").asText())) {
                        query.add(parameter.path("name").asText());
                    }
                });
                QUERY_PARAMETERS.put(key, query);
            }));
        }
        operations.remove("GET /api/alerts/stream");
        return operations;
    }

    // ----- the variants -----

    private static List<Variant> variants(Endpoint endpoint) throws IOException {
        List<Variant> variants = new ArrayList<>();
        String path = resolved(endpoint.template());
        pathVariants(endpoint, variants);
        for (String parameter : queryParameters(endpoint)) {
            for (Map.Entry<String, Boolean> value : hostileParameterValues().entrySet()) {
                variants.add(new Variant("?" + parameter + "=" + abbreviated(value.getKey()), endpoint.method(),
                        path + "?" + parameter + "=" + value.getKey(), "application/json", endpoint.body(), Map.of(),
                        value.getValue()));
            }
        }
        if (!endpoint.method().equals("GET") && endpoint.template().startsWith("/api/projects/")) {
            for (String ifMatch : List.of("\"abc\"", "W/\"-1\"", "\"3\", \"4\"", "1e400")) {
                variants.add(new Variant("If-Match " + ifMatch, endpoint.method(), path, "application/json",
                        endpoint.body(), Map.of("If-Match", ifMatch), true));
            }
            variants.add(new Variant("Idempotency-Key of 300", endpoint.method(), path, "application/json",
                    endpoint.body(), Map.of("Idempotency-Key", "k".repeat(300)), true));
        }
        if (endpoint.body() != null) {
            bodyVariants(endpoint, path, variants);
        }
        return variants;
    }

    private static void pathVariants(Endpoint endpoint, List<Variant> variants) {
        Matcher parameters = PATH_PARAMETER.matcher(endpoint.template());
        while (parameters.find()) {
            String parameter = parameters.group(1);
            for (String hostile : List.of("%00", "x%0Ay", "%ED%A0%80", "x".repeat(300), "..%2F..%2Fevents", "%2500")) {
                String path = resolved(endpoint.template().replace("{" + parameter + "}", hostile));
                variants.add(new Variant("{" + parameter + "}=" + abbreviated(hostile), endpoint.method(), path,
                        "application/json", endpoint.body(), Map.of(), true));
            }
        }
    }

    private static Map<String, Boolean> hostileParameterValues() {
        Map<String, Boolean> values = new LinkedHashMap<>();
        values.put("%00", true);
        values.put("a%0D%0Ab", true);
        values.put("%ED%A0%80", true);
        values.put("x".repeat(2_000), true);
        values.put("%27%3B--", false);
        values.put("-1", false);
        values.put("1e400", false);
        values.put("9999-12-31T00:00:00Z", false);
        return values;
    }

    private static void bodyVariants(Endpoint endpoint, String path, List<Variant> variants) throws IOException {
        String base = endpoint.body();
        JsonNode tree = JSON.readTree(base);
        for (String pointer : leaves(tree, "")) {
            JsonNode leaf = tree.at(pointer);
            for (Map.Entry<String, Boolean> value : hostileValuesFor(leaf).entrySet()) {
                variants.add(new Variant(pointer + "=" + abbreviated(value.getKey()), endpoint.method(), path,
                        "application/json", replaced(tree, pointer, value.getKey()), Map.of(), value.getValue()));
            }
        }
        String first = tree.fieldNames().hasNext() ? tree.fieldNames().next() : "x";
        Map<String, String> whole = new LinkedHashMap<>();
        whole.put("content after the JSON", base + " {\"more\": 1}");
        whole.put("a key twice", "{\"" + first + "\": " + tree.get(first) + ", " + base.trim().substring(1));
        whole.put("a field the request does not have", "{\"unexpected\": 1, " + base.trim().substring(1));
        whole.put("broken JSON", base.trim().substring(0, base.trim().length() - 1));
        whole.put("an empty body", "");
        whole.put("an array", "[" + base + "]");
        whole.put("null", "null");
        whole.put("a string", "\"" + first + "\"");
        whole.put("nested 40 deep", "{\"" + first + "\": " + "[".repeat(40) + "]".repeat(40) + "}");
        whole.put("300 KiB", "{\"" + first + "\": \"" + "x".repeat(300 * 1024) + "\"}");
        whole.forEach((what, body) -> variants.add(new Variant(what, endpoint.method(), path, "application/json", body,
                Map.of(), true)));
        variants.add(new Variant("text/plain", endpoint.method(), path, "text/plain", base, Map.of(), true));
    }

    /** JSON pointers to every value that is not an object (array elements included). */
    private static List<String> leaves(JsonNode node, String at) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                leaves.addAll(leaves(field.getValue(), at + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            leaves.add(at);
            for (int i = 0; i < node.size(); i++) {
                leaves.addAll(leaves(node.get(i), at + "/" + i));
            }
        } else {
            leaves.add(at);
        }
        return leaves;
    }

    /** Raw JSON for a value in place of this one, and whether a user could ever mean it. */
    private static Map<String, Boolean> hostileValuesFor(JsonNode leaf) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        if (leaf.isTextual() && DATE.matcher(leaf.asText()).matches()) {
            values.put("\"0001-01-01\"", true);
            values.put("\"9999-12-31\"", true);
            values.put("\"+10000-01-01\"", true);
            values.put("\"2026-02-30\"", true);
            values.put("20260101", true);
            values.put("[2026, 1, 1]", true);
        } else if (leaf.isTextual() && DECIMAL.matcher(leaf.asText()).matches()) {
            values.put("\"1e400\"", true);
            values.put("\"" + "9".repeat(40) + "\"", true);
            values.put("\"NaN\"", true);
            values.put("\"12.345\"", true);
            values.put("1e400", true);
            values.put("\"-5\"", false);
        } else if (leaf.isTextual()) {
            values.put("\"a\\u0000b\"", true);
            values.put("\"\\ud800\"", true);
            values.put("\"bell\\u0007\"", true);
            values.put("\"" + "x".repeat(10_001) + "\"", true);
            values.put("42", true);
            values.put("{\"nested\": \"x\"}", true);
            values.put("\"\"", false);
            values.put("\"" + "y".repeat(300) + "\"", false);
        } else if (leaf.isNumber()) {
            values.put("1e400", true);
            values.put("9".repeat(40), true);
            values.put("\"7\"", true);
            values.put("-1", false);
            values.put("2.5", false);
            values.put("null", false);
        } else if (leaf.isBoolean()) {
            values.put("\"true\"", true);
            values.put("1", true);
            values.put("null", false);
        } else if (leaf.isArray()) {
            values.put("[]", false);
            values.put("[\"nobody-at-all\"]", false);
            values.put("[1]", true);
            values.put("\"sup-li\"", true);
        }
        return values;
    }

    private static String replaced(JsonNode tree, String pointer, String raw) throws IOException {
        JsonNode copy = tree.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(key), TextNode.valueOf("@@hostile@@"));
        } else {
            ((ObjectNode) parent).set(key, TextNode.valueOf("@@hostile@@"));
        }
        return JSON.writeValueAsString(copy).replace(PLACEHOLDER, raw);
    }

    private static List<String> queryParameters(Endpoint endpoint) {
        return QUERY_PARAMETERS.getOrDefault(endpoint.method() + " " + endpoint.template(), List.of());
    }

    // ----- calling -----

    private static HttpResponse<String> call(String user, Variant variant) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + variant.path()))
                .timeout(Duration.ofSeconds(30))
                .method(variant.method(), variant.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(variant.body()));
        if (variant.body() != null) {
            request.header("Content-Type", variant.contentType());
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + tokens.get(user));
        }
        variant.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String resolved(String template) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    private static String text(String user, String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + path))
                    .header("Authorization", "Bearer " + tokens.get(user)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + answer.body();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String eventIds(String export) {
        StringBuilder ids = new StringBuilder();
        for (String line : export.split("\n")) {
            JsonNode event = GatewayClient.parse(line.startsWith("200 ") ? line.substring(4) : line);
            ids.append(event == null ? line.length() : event.path("eventId").asText()).append(' ');
        }
        return ids.toString();
    }

    private static JsonNode ok(String user, String method, String path, String body) {
        String token = tokens.get(user);
        GatewayClient client = new GatewayClient(system.gatewayUrl(), () -> token);
        return client.ok(method, path, body);
    }

    private static String firstAlertOf(String projectId) {
        JsonNode alerts = ok("sup-li", "GET", "/api/alerts?project=" + projectId, null).path("items");
        return alerts.isEmpty() ? null : alerts.get(0).get("id").asText();
    }

    private static String abbreviated(String text) {
        String oneLine = text == null ? "" : text.replace("\n", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "…(" + oneLine.length() + ")" : oneLine;
    }

    private static String registration(String code) {
        return """
                {"code": "%s", "title": "Hostile-input harbour bridge", "type": "construction", "region": "Haishu",
                 "ownerOrganisation": "transport-bureau", "budget": {"amount": "50000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"}, "supervisors": ["sup-li"]}"""
                .formatted(code);
    }

    private static final String MILESTONE = """
            {"id": "m-1", "title": "Foundations", "type": "delivery", "dueDate": "2025-09-30"}""";
    private static final String CONTRACT = """
            {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
             "numberOfTenderers": 4, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-03-10"},
             "costEstimate": {"amount": "11000000.00", "currency": "CNY"}},
             "supplier": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
             "contractValue": {"amount": "10000000.00", "currency": "CNY"},
             "contractPeriod": {"startDate": "2025-04-01", "endDate": "2027-06-30"}, "dateSigned": "2025-03-20"}""";
    private static final String PAYMENT = """
            {"id": "pay-1", "kind": "payment", "date": "2025-07-01",
             "payee": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
             "contractId": "c-1", "value": {"amount": "5000000.00", "currency": "CNY"}}""";
    private static final String INSPECTION = """
            {"id": "i-1", "inspector": {"id": "CN-USCC-12330200MB0QS0002R", "name": "Quality station"},
             "date": "2025-08-10", "scope": "piles",
             "result": "failed", "findings": "cracks", "rectificationDeadline": "2025-09-10"}""";
}
