package org.jianhu.alert.handling;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.SignalFeed;
import org.jianhu.servicesupport.paging.Cursor;
import org.jianhu.testsupport.PageWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.change;

/**
 * The alert list a page at a time: newest first, alerts raised at the same instant by id, every alert once however
 * the pages fall, the filters applied on every page, and a refusal in plain words for a limit or cursor it cannot take.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertListPagingIT extends AlertIT {

    /** project, region, rule, level: three instants, several alerts at each (so pages split ties); p-d's is dismissed. */
    private static final List<List<String>> ALERTS = List.of(
            List.of("p-a", "Haishu", "R01", "RED"), List.of("p-a", "Haishu", "R02", "YELLOW"),
            List.of("p-b", "Haishu", "R01", "YELLOW"), List.of("p-c", "Beilun", "R01", "RED"),
            List.of("p-c", "Beilun", "R03", "RED"), List.of("p-d", "Beilun", "R02", "YELLOW"),
            List.of("p-a", "Haishu", "R03", "RED"), List.of("p-e", "Yinzhou", "R01", "RED"),
            List.of("p-e", "Yinzhou", "R02", "YELLOW"));

    @BeforeAll
    void nineAlertsRaisedAtThreeInstants() throws Exception {
        SignalFeed feed = new SignalFeed(json, amqpPrefix);
        List<UUID> signals = new ArrayList<>();
        for (int i = 0; i < ALERTS.size(); i++) {
            List<String> alert = ALERTS.get(i);
            UUID signal = UUID.randomUUID();
            signals.add(signal);
            feed.publish(raisedAt(START.plusSeconds(60L * (i / 3)), about(change(signal, alert.get(0), alert.get(2),
                    "raised", alert.get(3), null), alert.get(1), "sup-" + alert.get(1).toLowerCase())));
        }
        signals.forEach(this::awaitAlertOf);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT raised_at) FROM alert", Long.class)).isEqualTo(3);
        assertThat(post(alertOf(signals.get(5)), "dismissal", as("sup-beilun", "supervisor", null, "Beilun"),
                Map.of("justification", "a duplicate of the berth's")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void pagesOfTwoWalkEveryAlertOnceNewestFirstThenById() {
        PageWalk.Walked walked = walk(auditor(), Map.of("limit", "2"));

        assertThat(walked.sizes()).containsExactly(2, 2, 2, 2, 1);
        assertThat(walked.values("id")).isEqualTo(expected("true")).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    void everyFilterAppliesOnEveryPage() {
        assertThat(walk(auditor(), Map.of("limit", "1", "region", "Haishu", "status", "raised")).values("id"))
                .isEqualTo(expected("region = 'Haishu' AND status = 'raised'")).hasSize(4);
        assertThat(walk(auditor(), Map.of("limit", "2", "level", "red", "rule", "R01")).values("id"))
                .isEqualTo(expected("level = 'RED' AND rule_id = 'R01'")).hasSize(3);
        assertThat(walk(auditor(), Map.of("limit", "2", "project", "p-a")).values("id"))
                .isEqualTo(expected("project_id = 'p-a'")).hasSize(3);
        assertThat(walk(auditor(), Map.of("limit", "3", "status", "open")).values("id"))
                .isEqualTo(expected("status NOT IN ('closed', 'dismissed')")).hasSize(8);
        assertThat(walk(auditor(), Map.of("rule", "R99")).values("id")).isEmpty();
    }

    @Test
    void aSupervisorWalksOnlyTheAlertsTheirListHolds() {
        HttpHeaders supervisor = as("sup-beilun", "supervisor", null, "Ningbo");

        assertThat(walk(supervisor, Map.of("limit", "1")).values("id")).isEqualTo(expected("region = 'Beilun'"))
                .hasSize(3);
    }

    /** Last: the other tests count the nine alerts. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anAlertRaisedWhileWalkingNeitherRepeatsNorShiftsTheLaterPages() throws Exception {
        List<String> before = expected("true");
        JsonNode first = page(auditor(), Map.of("limit", "4"), null);
        UUID signal = UUID.randomUUID();
        feed.publish(raisedAt(START.plusSeconds(600), about(change(signal, "p-late", "R01", "raised", "RED", null),
                "Haishu", "sup-haishu")));
        awaitAlertOf(signal);

        assertThat(PageWalk.from(first, after -> page(auditor(), Map.of("limit", "4"), after)).values("id"))
                .isEqualTo(before);
        assertThat(walk(auditor(), Map.of("limit", "500")).values("id").get(0)).isEqualTo(alertOf(signal).toString());
    }

    @Test
    void aLimitOutOfRangeOrNoNumberIsRefusedInPlainWords() {
        assertRefused(read(auditor(), Map.of("limit", "0")), "limit",
                "limit must be a whole number from 1 to 500 (items on one page), not 0");
        assertRefused(read(auditor(), Map.of("limit", "501")), "limit",
                "limit must be a whole number from 1 to 500 (items on one page), not 501");
        assertRefused(read(auditor(), Map.of("limit", "ten")), "limit",
                "limit must be a whole number from 1 to 500, not 'ten'");
    }

    @Test
    void aMadeUpOrForeignCursorIsRefusedInPlainWords() {
        String next = page(auditor(), Map.of("limit", "2"), null).get("next").asText();
        String edited = next.substring(0, next.length() - 2) + (next.endsWith("AA") ? "BB" : "AA");

        assertRefused(read(auditor(), Map.of("after", edited)), "after", "after is not a cursor this list gave out "
                + "(changed, cut short or made up): start again from the first page, leaving after out");
        assertRefused(read(auditor(), Map.of("after", "2026-03-01T02:00:00Z")), "after",
                "after is not a cursor this list gave out (changed, cut short or made up): start again from the "
                        + "first page, leaving after out");
        String parkedCursor = Cursor.encode("/api/alerts/parked",
                List.of(START, "p-a"));
        assertRefused(read(auditor(), Map.of("after", parkedCursor)), "after",
                "after is a cursor of /api/alerts/parked, not of /api/alerts: start again from the first page, "
                        + "leaving after out");
        assertThat(read(auditor(), Map.of("after", next)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** An alert is raised at the instant its signal changed. */
    private static Map<String, Object> raisedAt(Instant at, Map<String, Object> change) {
        change.put("occurredAt", at.toString());
        return change;
    }

    private List<String> expected(String condition) {
        return jdbc.queryForList("SELECT id::text FROM alert WHERE " + condition
                + " ORDER BY raised_at DESC, id DESC", String.class);
    }

    private PageWalk.Walked walk(HttpHeaders reader, Map<String, String> query) {
        return PageWalk.walk(after -> page(reader, query, after));
    }

    private JsonNode page(HttpHeaders reader, Map<String, String> query, String after) {
        Map<String, String> asked = new HashMap<>(query);
        if (after != null) {
            asked.put("after", after);
        }
        ResponseEntity<JsonNode> answer = read(reader, asked);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> read(HttpHeaders reader, Map<String, String> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(http.getRootUri() + "/api/alerts");
        query.forEach(uri::queryParam);
        return http.exchange(uri.encode().build().toUri(), HttpMethod.GET, new HttpEntity<>(reader), JsonNode.class);
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field, String detail) {
        assertProblem(answer, HttpStatus.BAD_REQUEST, "urn:jianhu:problem:invalid-request");
        assertThat(answer.getBody().get("detail").asText()).isEqualTo(detail);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    }
}
