package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint, through the gateway, called by every kind of caller, each answer checked against
 * DOMAIN.md "Who may do what": the owner of the project's organisation and an owner of another one;
 * a supervisor named on the project, one of its region, one named from another region and one of
 * neither; the auditor; the admin; and no token, a forged token and an expired one (401 everywhere).
 * The allowed caller goes last on each write, so that the refusals before it are seen to change
 * nothing it then depends on. Mismatches are collected and shown together, as a table.
 */
class RoleMatrixIT {

    private static final List<String> EVERYONE = List.of("owner-zhang", "owner-liu", "sup-li", "sup-yang",
            "sup-wang", "sup-zhao", "aud-sun", "admin-chen");
    /** Who may read the project: its owner, supervisors named on it or of its region, auditor, admin. */
    private static final List<String> PROJECT_READERS = List.of("owner-zhang", "sup-li", "sup-yang", "sup-wang",
            "aud-sun", "admin-chen");

    private static RunningSystem system;
    private static final Map<String, GatewayClient> callers = new LinkedHashMap<>();
    private static String expiredToken;

    private final List<String> mismatches = new ArrayList<>();
    private final List<String[]> everyCall = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() throws IOException {
        // Tokens live one second (plus the validator's minute of clock skew), so one can be seen to expire.
        system = RunningSystem.start("roles", List.of("--jianhu.dev-tokens.lifetime=PT1S",
                "--jianhu.rate-limit.requests-per-second=1000", "--jianhu.rate-limit.burst=1000"));
        EVERYONE.forEach(user -> callers.put(user, GatewayClient.freshTokensFor(system, user)));
        expiredToken = system.token("admin-chen");
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheRulesSay() throws Exception {
        String otherProject = write("POST", "/api/projects", registration("RM-2", "Zhenhai", "water-authority",
                "sup-zhao"), only("admin-chen", 201)).json().get("projectId").asText();
        String projectId = write("POST", "/api/projects", registration("RM-1", "Haishu", "transport-bureau",
                "sup-li"), only("admin-chen", 201)).json().get("projectId").asText();
        String p = "/api/projects/" + projectId;

        write("POST", p + "/approval", "{\"approvalDate\": \"2025-01-15\", \"approvalDocumentNumber\": \"FGW-9\"}",
                only("admin-chen", 200));
        write("POST", p + "/milestones", """
                {"id": "m-1", "title": "Foundations", "type": "delivery", "dueDate": "2025-09-30"}""", ownerOnly());
        write("POST", p + "/milestones/m-1/status", "{\"status\": \"met\", \"dateMet\": \"2025-09-20\"}", ownerOnly());
        write("POST", p + "/contracts", """
                {"id": "c-1", "nature": "construction", "tender": {"procurementMethod": "open",
                 "numberOfTenderers": 4, "tenderPeriod": {"startDate": "2025-02-01", "endDate": "2025-03-10"},
                 "costEstimate": {"amount": "11000000.00", "currency": "CNY"}},
                 "supplier": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                 "contractValue": {"amount": "10000000.00", "currency": "CNY"},
                 "contractPeriod": {"startDate": "2025-04-01", "endDate": "2027-06-30"},
                 "dateSigned": "2025-03-20"}""", ownerOnly());
        write("POST", p + "/contracts/c-1/modifications", """
                {"id": "mod-1", "date": "2025-08-01", "type": "value", "description": "deeper piles",
                 "rationale": "ground survey", "newContractValue": {"amount": "10500000.00", "currency": "CNY"}}""",
                ownerOnly());
        write("POST", p + "/progress", "{\"physicalProgress\": 10, \"date\": \"2025-06-30\"}", ownerOnly());
        write("POST", p + "/transactions", """
                {"id": "pay-1", "kind": "payment", "date": "2025-07-01",
                 "payee": {"id": "CN-USCC-91330200MA2CW0001K", "name": "Coastal Works"},
                 "contractId": "c-1", "value": {"amount": "5000000.00", "currency": "CNY"}}""", ownerOnly());
        write("POST", p + "/inspections", """
                {"id": "i-1", "inspector": {"id": "CN-USCC-12330200MB0QS0002R", "name": "Quality station"},
                 "date": "2025-08-10", "scope": "piles",
                 "result": "failed", "findings": "cracks", "rectificationDeadline": "2025-09-10"}""", ownerOnly());
        write("POST", p + "/inspections/i-1/rectification",
                "{\"date\": \"2025-09-01\", \"description\": \"piles replaced\"}", ownerOnly());
        write("POST", p + "/inspections/i-1/verification", """
                {"date": "2025-09-05", "verifier": "quality-station", "accepted": true}""", ownerOnly());
        write("POST", p + "/supervisors", "{\"supervisors\": [\"sup-li\", \"sup-wang\"], \"reason\": \"a second pair of eyes\"}",
                only("admin-chen", 200));
        write("POST", p + "/suspension", "{\"date\": \"2025-10-01\", \"reason\": \"typhoon\"}", only("admin-chen", 200));
        write("POST", p + "/resumption", "{\"date\": \"2025-10-08\", \"reason\": \"typhoon passed\"}",
                only("admin-chen", 200));

        read(p, readers(200));
        read(p + "?asOf=" + Instant.now(), readers(200));
        read(p + "/history", readers(200));
        read(p + "/oc4ids", readers(200));
        // importing a project's history is an admin's; the gateway refuses everyone else
        write("POST", "/api/oc4ids/import?region=Haishu&supervisors=sup-li", """
                {"uri": "https://example.org/oc4ids/rm.json", "publishedDate": "2026-11-30T00:00:00Z",
                 "publisher": {"name": "Ningbo DRC"}, "version": "0.9",
                 "projects": [{"id": "RM-OC-1", "title": "Imported school", "status": "identification",
                               "publicAuthority": {"id": "transport-bureau", "name": "transport-bureau"},
                               "type": "construction",
                               "budget": {"amount": {"amount": 3000000, "currency": "CNY"}},
                               "period": {"startDate": "2026-03-01T00:00:00Z", "endDate": "2027-06-30T00:00:00Z"}}]}""",
                only("admin-chen", 200));
        read("/api/projects", all(200));
        read("/api/events?after=0&limit=5", statuses(403, "aud-sun", 200, "admin-chen", 200));
        // The register follows the record within moments; each sees only the projects in their scope.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(registerAsSeenBy("sup-zhao")).doesNotContain(projectId).contains(otherProject);
            assertThat(registerAsSeenBy("owner-liu")).doesNotContain(projectId).contains(otherProject);
            assertThat(registerAsSeenBy("sup-yang")).contains(projectId).doesNotContain(otherProject);
            assertThat(registerAsSeenBy("aud-sun")).contains(projectId, otherProject);
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> callers.get("aud-sun")
                .call("GET", "/api/risk/projects/" + projectId, null).status() == 200);
        read("/api/risk/projects", all(200));
        read("/api/risk/projects/" + projectId, readers(200));
        read("/api/risk/projects/" + projectId + "?asOf=" + Instant.now(), readers(200));
        read("/api/risk/portfolio", all(200));
        read("/api/risk/signals?project=" + projectId, all(200));
        read("/api/risk/rules", all(200));
        JsonNode r01 = callers.get("aud-sun").get("/api/risk/rules").findParents("id").stream()
                .filter(rule -> rule.get("id").asText().equals("R01")).findFirst().orElseThrow();
        write("PUT", "/api/risk/rules/R01", r01.get("thresholds").toString(), only("admin-chen", 200));
        String rebuild = write("POST", "/api/risk/rebuild", null, only("admin-chen", 202)).json()
                .get("rebuildId").asText();
        read("/api/risk/rebuild/" + rebuild, only("admin-chen", 200));

        String alertId = await().atMost(Duration.ofSeconds(60)).until(() -> firstAlertOf(projectId), id -> id != null);
        String a = "/api/alerts/" + alertId;
        read("/api/alerts", all(200));
        read(a, readers(200));
        stream(all(200));
        write("POST", a + "/assignment", """
                {"organisation": "transport-bureau", "deadline": "%s"}""".formatted(LocalDate.now().plusDays(7)),
                supervisorStep());
        write("POST", a + "/rectification", "{\"comment\": \"payments tied to progress\"}", ownerOnly());
        write("POST", a + "/verification", "{\"accepted\": true, \"comment\": \"checked\"}", supervisorStep());
        write("POST", a + "/closure", "{\"comment\": \"done\"}", supervisorStep());
        // Closed: the one who may dismiss hears it is too late (409), everyone else that it is not theirs.
        write("POST", a + "/dismissal", "{\"justification\": \"no longer relevant\"}",
                supervisorStep().with("sup-li", 409));

        // Subscriptions are a supervisor's own: any supervisor makes theirs (in their own region);
        // another supervisor's is unknown to them (404), and the other roles have none (403).
        String subscription = write("POST", "/api/subscriptions", """
                {"level": "RED", "channel": "queue"}""", supervisors(201).with("sup-li", 201)).json()
                .get("id").asText();
        read("/api/subscriptions", supervisors(200));
        read("/api/subscriptions/" + subscription + "/deliveries", supervisors(404).with("sup-li", 200));
        write("DELETE", "/api/subscriptions/" + subscription, null, supervisors(404).with("sup-li", 204));

        write("POST", p + "/completion", """
                {"endDate": "2026-10-30", "finalValue": {"amount": "10500000.00", "currency": "CNY"},
                 "finalScope": "viaduct as designed, deeper piles"}""", ownerOnly());
        write("POST", "/api/projects/" + otherProject + "/cancellation",
                "{\"date\": \"2026-01-10\", \"reason\": \"merged into RM-1\"}", only("admin-chen", 200));

        nobodyUnknownOrExpiredGetsIn();
        assertThat(mismatches).as("calls answered otherwise than the rules say").isEmpty();
    }

    /** Every call made above, again, with no token, a forged one and an expired one: 401 problem+json each. */
    private void nobodyUnknownOrExpiredGetsIn() throws Exception {
        // The token lives a second, and the validator allows a minute of clock skew beyond that.
        GatewayClient expired = GatewayClient.withToken(system, expiredToken);
        await("the early token expired").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> expired.call("GET", "/api/projects", null).status() == 401);
        Map<String, GatewayClient> strangers = Map.of(
                "no token", GatewayClient.withToken(system, null),
                "forged token", GatewayClient.withToken(system, forgedAdminToken()),
                "expired token", expired);
        for (String[] call : everyCall) {
            strangers.forEach((who, client) -> {
                GatewayClient.Response response = client.call(call[0], call[1], call[2]);
                if (response.status() != 401 || !response.body().contains("urn:jianhu:problem:unauthenticated")) {
                    mismatches.add(row(who, call[0], call[1], 401, response));
                }
            });
        }
    }

    private GatewayClient.Response write(String method, String path, String body, Expected expected) {
        everyCall.add(new String[] {method, path, body});
        GatewayClient.Response allowed = null;
        for (String user : expected.order()) {
            GatewayClient.Response response = callers.get(user).call(method, path, body);
            check(user, method, path, expected.statusFor(user), response);
            if (expected.isActor(user)) {
                allowed = response;
            }
        }
        if (allowed == null || allowed.status() != expected.statusFor(expected.actor)) {
            throw new AssertionError("the allowed call failed, the matrix cannot go on: " + mismatches);
        }
        return allowed;
    }

    private void read(String path, Expected expected) {
        everyCall.add(new String[] {"GET", path, null});
        for (String user : EVERYONE) {
            check(user, "GET", path, expected.statusFor(user), callers.get(user).call("GET", path, null));
        }
    }

    /** The live stream: only the status line and headers are awaited, then the stream is dropped. */
    private void stream(Expected expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String user : EVERYONE) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            URI.create(system.gatewayUrl() + "/api/alerts/stream"))
                    .header("Authorization", "Bearer " + system.token(user)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            if (response.statusCode() != expected.statusFor(user)) {
                mismatches.add(user + " GET /api/alerts/stream: expected " + expected.statusFor(user)
                        + ", got " + response.statusCode());
            }
        }
        everyCall.add(new String[] {"GET", "/api/alerts/stream", null});
    }

    private void check(String user, String method, String path, int expected, GatewayClient.Response response) {
        boolean problem = response.status() < 400
                || (response.json() != null && response.json().has("type") && response.json().has("status"));
        if (response.status() != expected || !problem) {
            mismatches.add(row(user, method, path, expected, response));
        }
    }

    private static String row(String who, String method, String path, int expected, GatewayClient.Response response) {
        String body = response.body() == null ? "" : response.body();
        return "%-13s %-6s %-55s expected %d, got %d %s".formatted(who, method, path, expected, response.status(),
                body.length() > 160 ? body.substring(0, 160) : body);
    }

    private static List<String> registerAsSeenBy(String user) {
        List<String> ids = new ArrayList<>();
        callers.get(user).everyItem("/api/projects").forEach(project -> ids.add(project.get("projectId").asText()));
        return ids;
    }

    private static String firstAlertOf(String projectId) {
        JsonNode alerts = callers.get("aud-sun").get("/api/alerts?project=" + projectId).get("items");
        return alerts.isEmpty() ? null : alerts.get(0).get("id").asText();
    }

    private static String registration(String code, String region, String organisation, String supervisors) {
        return """
                {"code": "%s", "title": "Matrix %s", "type": "construction", "region": "%s",
                 "ownerOrganisation": "%s", "budget": {"amount": "50000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"},
                 "supervisors": ["%s"]}""".formatted(code, code, region, organisation, supervisors);
    }

    /** A JWT with the admin's claims, signed by a key the gateway never saw. */
    private static String forgedAdminToken() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"jianhu-dev\",\"sub\":\"admin-chen\",\"role\":\"admin\","
                + "\"organisation\":\"development-commission\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(generator.generateKeyPair().getPrivate());
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + base64.encodeToString(signer.sign());
    }

    private static Expected only(String actor, int status) {
        return statuses(403, actor, status);
    }

    private static Expected ownerOnly() {
        return only("owner-zhang", 200);
    }

    /** Supervisor steps on the alert: refused to all but its supervisors; sup-li acts. */
    private static Expected supervisorStep() {
        return statuses(403, "sup-li", 200).with("sup-yang", Expected.SKIP).with("sup-wang", Expected.SKIP);
    }

    /** Every supervisor gets {@code status}, everyone else 403; sup-li acts. */
    private static Expected supervisors(int status) {
        Expected expected = statuses(403);
        List.of("sup-li", "sup-yang", "sup-wang", "sup-zhao").forEach(supervisor -> expected.put(supervisor, status));
        expected.actor = "sup-li";
        return expected;
    }

    private static Expected readers(int status) {
        Expected expected = statuses(403);
        PROJECT_READERS.forEach(reader -> expected.put(reader, status));
        return expected;
    }

    private static Expected all(int status) {
        return statuses(status);
    }

    /** Everyone gets {@code otherwise}, but the users named in pairs with their status; the last named acts. */
    private static Expected statuses(int otherwise, Object... userStatusPairs) {
        Expected expected = new Expected(otherwise);
        for (int i = 0; i < userStatusPairs.length; i += 2) {
            expected.put((String) userStatusPairs[i], (Integer) userStatusPairs[i + 1]);
            expected.actor = (String) userStatusPairs[i];
        }
        return expected;
    }

    /** Expected statuses per caller; on writes the actor is called last. */
    private static final class Expected {
        static final int SKIP = -1;
        private final int otherwise;
        private final Map<String, Integer> byUser = new LinkedHashMap<>();
        private String actor;

        Expected(int otherwise) {
            this.otherwise = otherwise;
        }

        void put(String user, int status) {
            byUser.put(user, status);
        }

        Expected with(String user, int status) {
            byUser.put(user, status);
            return this;
        }

        int statusFor(String user) {
            return byUser.getOrDefault(user, otherwise);
        }

        boolean isActor(String user) {
            return user.equals(actor);
        }

        /** Everyone who is not skipped, the actor last. */
        List<String> order() {
            List<String> order = new ArrayList<>();
            EVERYONE.stream().filter(user -> !user.equals(actor) && statusFor(user) != SKIP).forEach(order::add);
            if (actor != null) {
                order.add(actor);
            }
            return order;
        }
    }
}
