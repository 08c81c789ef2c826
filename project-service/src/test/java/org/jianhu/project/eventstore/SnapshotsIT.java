package org.jianhu.project.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.project.support.Api;
import org.jianhu.project.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.project.support.Parties.FINANCE;

/**
 * Aggregates always load: the largest values the input policy allows go through snapshot after snapshot, and a
 * snapshot that cannot be read, or was written in another shape, is passed over and the project rebuilt from its
 * events. Every command here loads the project afresh (the cache is emptied), from its latest snapshot.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jianhu.snapshot-threshold=5", "jianhu.relay.enabled=false"})
class SnapshotsIT extends RunningService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONGEST_NAME = "N".repeat(200);
    private static final String LONGEST_TEXT = "line of text\n\t".repeat(285) + "end of it.";
    /** A party with the longest identifier and name. */
    private static final String LONGEST_PARTY = "{\"id\": \"%s\", \"name\": \"%s\"}"
            .formatted("I".repeat(200), LONGEST_NAME);

    @Test
    void theLargestValuesThePolicyAllowsGoThroughManySnapshotsAndEveryLaterCommandWorks(CapturedOutput log) {
        assertThat(LONGEST_TEXT).hasSize(4000);
        // what happened is dated today at the latest; what is planned or due, up to the policy's last date
        String today = LocalDate.now(BusinessCalendar.ZONE).toString();
        String organisation = "O".repeat(200);
        Api.Response created = admin.post("/api/projects", """
                {"code": "%s", "title": "%s", "type": "construction", "region": "%s", "ownerOrganisation": "%s",
                 "budget": {"amount": "1000000000000000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "1990-01-01", "endDate": "2100-12-31"}, "supervisors": ["sup-li"]}"""
                .formatted(id("P", 0), LONGEST_NAME, LONGEST_NAME, organisation));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String projectId = created.json().get("projectId").asText();
        Api ownerApi = new Api(port, "owner-wang", "owner", organisation, null);
        String path = "/api/projects/" + projectId;

        for (int i = 1; i <= 20; i++) {
            recorded(ownerApi, path + "/milestones", """
                    {"id": "%s", "title": "%s", "type": "delivery", "code": "%s", "dueDate": "2100-12-31"}"""
                    .formatted(id("M", i), LONGEST_NAME, id("C", i)));
            recorded(ownerApi, path + "/contracts", """
                    {"id": "%s", "nature": "construction", "tender": {"procurementMethod": "open", "numberOfTenderers": 3,
                     "costEstimate": {"amount": "999999999999999.99", "currency": "CNY"}}, "supplier": %s,
                     "contractValue": {"amount": "1000000000000000.00", "currency": "CNY"},
                     "contractPeriod": {"startDate": "1990-01-01", "endDate": "2100-12-31"}, "dateSigned": "%s"}"""
                    .formatted(id("K", i), LONGEST_PARTY, today));
            recorded(ownerApi, path + "/contracts/" + id("K", i) + "/modifications", """
                    {"id": "%s", "date": "%s", "type": "scope", "description": %s, "rationale": %s}"""
                    .formatted(id("D", i), today, quoted(LONGEST_TEXT), quoted(LONGEST_TEXT)));
            recorded(ownerApi, path + "/transactions", """
                    {"id": "%s", "kind": "payment", "date": "1990-01-01", "payer": %s, "payee": %s,
                     "value": {"amount": "0.01", "currency": "CNY"}, "contractId": "%s"}"""
                    .formatted(id("T", i), LONGEST_PARTY, LONGEST_PARTY, id("K", i)));
            recorded(ownerApi, path + "/inspections", """
                    {"id": "%s", "inspector": %s, "date": "%s", "scope": %s, "result": "failed",
                     "findings": %s, "rectificationDeadline": "2100-12-31"}"""
                    .formatted(id("I", i), LONGEST_PARTY, today, quoted(LONGEST_TEXT), quoted(LONGEST_TEXT)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(projectId) >= 95);
        projectCache.removeAll();
        Api.Response again = ownerApi.post(path + "/milestones", """
                {"id": "%s", "title": "again", "type": "delivery", "dueDate": "2030-01-01"}""".formatted(id("M", 7)));
        assertThat(again.status()).as("the snapshot knows every milestone").isEqualTo(409);
        recorded(ownerApi, path + "/inspections/" + id("I", 20) + "/rectification",
                "{\"date\": \"%s\", \"description\": %s}".formatted(today, quoted(LONGEST_TEXT)));
        JsonNode state = ownerApi.get(path).json();
        assertThat(state.get("milestones")).hasSize(20);
        assertThat(state.get("contracts")).hasSize(20);
        assertThat(state.at("/paid/amount").asText()).isEqualTo("0.20");
        assertThat(log.getAll()).doesNotContain("snapshot of " + projectId)
                .doesNotContain("Error reading snapshot for aggregate [" + projectId);
    }

    @Test
    void anUnreadableSnapshotIsPassedOverLoggedAndTheProjectRebuiltFromItsEvents(CapturedOutput log) {
        String projectId = snapshotted("SN-GARBAGE");
        long sequence = snapshotSequence(projectId);
        jdbc.update("UPDATE snapshot_event_entry SET payload = ? WHERE aggregate_identifier = ?",
                "{\"projectId\": \"truncated".getBytes(StandardCharsets.UTF_8), projectId);
        projectCache.removeAll();

        recorded(owner, "/api/projects/" + projectId + "/transactions", appropriation("t-after"));
        projectCache.removeAll();
        assertThat(owner.post("/api/projects/" + projectId + "/transactions", appropriation("t-1")).status())
                .as("rebuilt from the events, the project knows t-1").isEqualTo(409);
        assertThat(log.getAll()).contains("The snapshot of " + projectId + " at sequence " + sequence
                + " cannot be read; rebuilding it from its events");
    }

    @Test
    void aSnapshotOfAnotherRevisionIsLeftOut() throws Exception {
        String projectId = snapshotted("SN-OLD");
        // the same snapshot, but of a project that is cancelled: taken at face value it closes the project
        ObjectNode payload = (ObjectNode) JSON.readTree(jdbc.queryForObject(
                "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", byte[].class, projectId));
        ((ObjectNode) payload.get("state")).put("status", "cancelled");
        jdbc.update("UPDATE snapshot_event_entry SET payload = ? WHERE aggregate_identifier = ?",
                JSON.writeValueAsBytes(payload), projectId);
        projectCache.removeAll();
        assertThat(owner.post("/api/projects/" + projectId + "/transactions", appropriation("t-closed")).status())
                .as("a snapshot of the current revision is taken as it is").isEqualTo(409);

        jdbc.update("UPDATE snapshot_event_entry SET payload_revision = NULL WHERE aggregate_identifier = ?", projectId);
        projectCache.removeAll();
        recorded(owner, "/api/projects/" + projectId + "/transactions", appropriation("t-open"));
    }

    /** A project of owner-org with a snapshot: registered and six appropriations, t-1 to t-6. */
    private String snapshotted(String code) {
        String projectId = admin.register(code, "Cixi");
        for (int i = 1; i <= 6; i++) {
            recorded(owner, "/api/projects/" + projectId + "/transactions", appropriation("t-" + i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(projectId) >= 0);
        return projectId;
    }

    private static String appropriation(String id) {
        return """
                {"id": "%s", "kind": "appropriation", "date": "2025-02-01",
                 "value": {"amount": "10.00", "currency": "CNY"}, "payer": %s}""".formatted(id, FINANCE);
    }

    private void recorded(Api caller, String path, String body) {
        projectCache.removeAll();
        Api.Response response = caller.post(path, body);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
    }

    private long snapshotSequence(String projectId) {
        Long sequence = jdbc.queryForObject("SELECT max(sequence_number) FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, projectId);
        return sequence == null ? -1 : sequence;
    }

    /** An identifier of the longest length allowed, 64 characters, distinct by prefix and number. */
    private static String id(String prefix, int number) {
        String distinct = prefix + "-" + number + "-";
        return distinct + "x".repeat(64 - distinct.length());
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
