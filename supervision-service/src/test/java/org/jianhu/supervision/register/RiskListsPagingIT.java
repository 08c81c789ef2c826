package org.jianhu.supervision.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.servicesupport.paging.Cursor;
import org.jianhu.supervision.support.SupervisionIT;
import org.jianhu.testsupport.PageWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register by risk and its signals, a page at a time: the register by code then id, the signals newest first
 * then by id; each item once however the pages fall, every filter on every page, and a refusal in plain words for a
 * limit or cursor they cannot take. The rows are written straight into the read model, to the point: projects whose
 * codes tie but for case, one whose registration is not known yet (no code), signals raised at the same instant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskListsPagingIT extends SupervisionIT {

    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    @BeforeAll
    void twelveProjectsAndTheirSignals() {
        project("pg-01", "HS-001", "宁波大桥", "Haishu", "implementation", "RED", "sup-li");
        project("pg-02", "hs-002", "Ring road 100% done", "Haishu", "implementation", "YELLOW", "sup-li");
        project("pg-03", "HS-003", "Metro line 3", "Haishu", "identification", "GREEN", "sup-li");
        project("pg-04", "BL-001", "Port berth", "Beilun", "implementation", "RED", "sup-wang");
        project("pg-05", "BL-002", "Port road", "Beilun", "implementation", "GREEN", "sup-wang");
        project("pg-06", "BL-002", "Port road, second", "Beilun", "implementation", "YELLOW", "sup-wang");
        project("pg-07", "YZ-001", "Hospital", "Yinzhou", "implementation", "RED", "sup-xu");
        project("pg-08", "YZ-002", "School", "Yinzhou", "completed", "GREEN", "sup-xu");
        project("pg-09", "YZ-003", "宁波图书馆", "Yinzhou", "implementation", "YELLOW", "sup-xu");
        project("pg-10", "JB-001", "Museum", "Jiangbei", "implementation", "RED", "sup-feng");
        project("pg-11", "JB-002", "Bridge", "Jiangbei", "identification", "GREEN", "sup-feng");
        project("pg-12", null, null, null, null, "GREEN", null);
        int n = 0;
        for (String[] signal : new String[][]{{"pg-01", "R01", "RED", "open"}, {"pg-01", "R03", "YELLOW", "open"},
                {"pg-02", "R01", "YELLOW", "open"}, {"pg-04", "R02", "RED", "open"}, {"pg-04", "R01", "YELLOW", "cleared"},
                {"pg-06", "R02", "YELLOW", "open"}, {"pg-07", "R01", "RED", "open"}, {"pg-07", "R01", "YELLOW", "open"},
                {"pg-09", "R03", "YELLOW", "open"}, {"pg-10", "R02", "RED", "open"}, {"pg-10", "R01", "RED", "cleared"},
                {"pg-03", "R01", "YELLOW", "cleared"}}) {
            signal(signal[0], signal[1], signal[2], signal[3], T0.plusSeconds(60L * (n++ % 4)));
        }
    }

    @Test
    void theRegisterWalksByCodeThenIdEachProjectOnce() {
        PageWalk.Walked walked = walk("/api/risk/projects", Map.of("limit", "5"));

        assertThat(walked.sizes()).containsExactly(5, 5, 2);
        assertThat(walked.values("projectId")).isEqualTo(projectsWhere("true")).hasSize(12).doesNotHaveDuplicates();
        assertThat(walked.values("projectId").get(0)).as("no code sorts first").isEqualTo("pg-12");
        assertThat(walked.values("projectId")).containsSubsequence("pg-05", "pg-06");
        JsonNode first = walked.items().stream().filter(item -> item.get("projectId").asText().equals("pg-07"))
                .findFirst().orElseThrow();
        assertThat(first.get("openRules")).extracting(JsonNode::asText).containsExactly("R01");
        assertThat(first.get("openSignals").asLong()).isEqualTo(2);
    }

    @Test
    void theRegisterAppliesEveryFilterOnEveryPage() {
        assertThat(walk("/api/risk/projects", Map.of("limit", "1", "region", "Beilun", "stage", "implementation"))
                .values("projectId")).containsExactly("pg-04", "pg-05", "pg-06");
        assertThat(walk("/api/risk/projects", Map.of("limit", "2", "level", "red", "rule", "R01")).values("projectId"))
                .containsExactly("pg-01", "pg-07");
        assertThat(walk("/api/risk/projects", Map.of("limit", "2", "rule", "R02")).values("projectId"))
                .isEqualTo(projectsWhere("EXISTS (SELECT 1 FROM risk_signal s WHERE s.project_id = p.project_id "
                        + "AND s.status = 'open' AND s.rule_id = 'R02')")).hasSize(3);
        assertThat(walk("/api/risk/projects", Map.of("limit", "1", "text", "hs-00")).values("projectId"))
                .containsExactlyInAnyOrder("pg-01", "pg-02", "pg-03");
        assertThat(walk("/api/risk/projects", Map.of("text", "宁波")).values("projectId"))
                .containsExactlyInAnyOrder("pg-01", "pg-09");
        assertThat(walk("/api/risk/projects", Map.of("text", "100%")).values("projectId")).containsExactly("pg-02");
        assertThat(walk("/api/risk/projects", Map.of("text", "_")).values("projectId")).isEmpty();
    }

    @Test
    void aSupervisorWalksOnlyTheProjectsTheyMayRead() {
        HttpHeaders supervisor = signed("sup-wang", "supervisor", null, "Yinzhou");

        assertThat(PageWalk.walk(after -> page("/api/risk/projects", Map.of("limit", "2"), after, supervisor))
                .values("projectId")).containsExactlyInAnyOrder("pg-04", "pg-05", "pg-06", "pg-07", "pg-08", "pg-09");
    }

    @Test
    void theSignalsWalkNewestFirstThenByIdEachOnce() {
        PageWalk.Walked walked = walk("/api/risk/signals", Map.of("limit", "5"));

        assertThat(walked.sizes()).containsExactly(5, 5, 2);
        assertThat(walked.values("id")).isEqualTo(signalsWhere("true")).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void theSignalsApplyEveryFilterOnEveryPage() {
        assertThat(walk("/api/risk/signals", Map.of("limit", "1", "status", "open", "rule", "R01")).values("id"))
                .isEqualTo(signalsWhere("status = 'open' AND rule_id = 'R01'")).hasSize(4);
        assertThat(walk("/api/risk/signals", Map.of("limit", "2", "region", "Beilun")).values("id"))
                .isEqualTo(signalsWhere("project_id IN ('pg-04', 'pg-05', 'pg-06')")).hasSize(3);
        assertThat(walk("/api/risk/signals", Map.of("limit", "2", "level", "yellow", "project", "pg-07"))
                .values("id")).isEqualTo(signalsWhere("project_id = 'pg-07' AND level = 'YELLOW'")).hasSize(1);
    }

    @Test
    void theParkedProjectsWalkTheLongestParkedFirstThenById() {
        for (String project : List.of("parked-c", "parked-a", "parked-e", "parked-b", "parked-d")) {
            jdbc.update("INSERT INTO parked_project (consumer, project_id, position, event_id, reason, parked_at) "
                    + "VALUES ('risk-register', ?, 1, 'e', 'a test', ?)", project,
                    Timestamp.from(project.compareTo("parked-c") < 0 ? T0 : T0.plusSeconds(1)));
        }
        try {
            PageWalk.Walked walked = PageWalk.walk(after -> page("/api/risk/parked", Map.of("limit", "2"), after,
                    admin()));

            assertThat(walked.sizes()).containsExactly(2, 2, 1);
            assertThat(walked.values("projectId"))
                    .containsExactly("parked-a", "parked-b", "parked-c", "parked-d", "parked-e");
        } finally {
            jdbc.update("DELETE FROM parked_project WHERE project_id LIKE 'parked-%'");
        }
    }

    @Test
    void aLimitOrCursorTheListsCannotTakeIsRefusedInPlainWords() throws Exception {
        for (String list : List.of("/api/risk/projects", "/api/risk/signals", "/api/risk/parked")) {
            HttpHeaders caller = list.endsWith("parked") ? admin() : auditor();
            assertRefused(read(list, Map.of("limit", "0"), caller), "limit",
                    "limit must be a whole number from 1 to 500 (items on one page), not 0");
            assertRefused(read(list, Map.of("limit", "all"), caller), "limit",
                    "limit must be a whole number from 1 to 500, not 'all'");
            assertRefused(read(list, Map.of("after", "bm90LWEtY3Vyc29y"), caller), "after",
                    "after is not a cursor this list gave out (changed, cut short or made up): start again from the "
                            + "first page, leaving after out");
        }
        String signalsCursor = page("/api/risk/signals", Map.of("limit", "1"), null, auditor()).get("next").asText();
        assertRefused(read("/api/risk/projects", Map.of("after", signalsCursor), auditor()), "after",
                "after is a cursor of /api/risk/signals, not of /api/risk/projects: start again from the first page, "
                        + "leaving after out");
        String timeInPlaceOfACode = Cursor.encode("/api/risk/signals", List.of("HS-001", "pg-01"));
        assertRefused(read("/api/risk/signals", Map.of("after", timeInPlaceOfACode), auditor()), "after",
                "after is not a cursor this list gave out (changed, cut short or made up): start again from the "
                        + "first page, leaving after out");
    }

    private void project(String id, String code, String title, String region, String stage, String level,
                         String supervisor) {
        String facts = region == null ? null : "{\"region\": \"" + region + "\", \"supervisors\": [\"" + supervisor
                + "\"], \"ownerOrganisation\": \"transport-bureau\"}";
        jdbc.update("INSERT INTO risk_project (project_id, next_sequence, facts, code, title, region, stage, level) "
                + "VALUES (?, 1, CAST(? AS jsonb), ?, ?, ?, ?, ?)", id, facts, code, title, region, stage, level);
    }

    private void signal(String project, String rule, String level, String status, Instant raisedAt) {
        jdbc.update("INSERT INTO risk_signal (id, project_id, rule_id, rule_version, subject, level, numbers, evidence, "
                        + "status, raised_at, changed_at) VALUES (?, ?, ?, 1, ?, ?, '{}', '[]', ?, ?, ?)",
                UUID.randomUUID(), project, rule, "subject " + UUID.randomUUID(), level, status,
                Timestamp.from(raisedAt), Timestamp.from(raisedAt));
    }

    private List<String> projectsWhere(String condition) {
        return jdbc.queryForList("SELECT project_id FROM risk_project p WHERE " + condition
                + " ORDER BY coalesce(code, ''), project_id", String.class);
    }

    private List<String> signalsWhere(String condition) {
        return jdbc.queryForList("SELECT id::text FROM risk_signal WHERE " + condition
                + " ORDER BY raised_at DESC, id DESC", String.class);
    }

    private PageWalk.Walked walk(String list, Map<String, String> query) {
        return PageWalk.walk(after -> page(list, query, after, auditor()));
    }

    private JsonNode page(String list, Map<String, String> query, String after, HttpHeaders caller) {
        Map<String, String> asked = new HashMap<>(query);
        if (after != null) {
            asked.put("after", after);
        }
        ResponseEntity<String> answer = read(list, asked, caller);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        try {
            return json.readTree(answer.getBody());
        } catch (Exception unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private ResponseEntity<String> read(String list, Map<String, String> query, HttpHeaders caller) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(list);
        query.forEach(uri::queryParam);
        // the rest template encodes the address itself
        return call(HttpMethod.GET, uri.build().toUriString(), null, caller);
    }

    private void assertRefused(ResponseEntity<String> answer, String field, String detail) throws Exception {
        assertProblem(answer, 400, "invalid-request");
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo(field);
    }
}
