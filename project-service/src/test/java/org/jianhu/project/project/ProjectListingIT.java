package org.jianhu.project.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.jianhu.project.support.Api;
import org.jianhu.project.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register applies each batch of its processor together: a backlog of many projects, several events of each in
 * one batch (registration, approval, suspension, resumption, new supervisors), is listed as every project's own
 * record says, and replaying the whole store changes no row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "jianhu.relay.enabled=false")
class ProjectListingIT extends RunningService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aBacklogAppliedInBatchesListsEachProjectAsItsRecordSaysAndAReplayChangesNoRow() {
        TrackingEventProcessor listing = processing.eventProcessor(ProjectListing.PROCESSING_GROUP,
                TrackingEventProcessor.class).orElseThrow();
        listing.shutDown();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String projectId = admin.register("BATCH-" + i, "Yinzhou");
            projects.add(projectId);
            if (i % 2 == 0) {
                post(projectId, "approval", "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-1\"}");
            }
            if (i % 3 == 0) {
                post(projectId, "suspension", "{\"date\": \"2025-08-01\", \"reason\": \"flood season\"}");
            }
            if (i % 6 == 0) {
                post(projectId, "resumption", "{\"date\": \"2025-09-15\", \"reason\": \"flood season over\"}");
            }
            if (i % 4 == 0) {
                post(projectId, "supervisors", "{\"supervisors\": [\"sup-zhao\"], \"reason\": \"rotation\"}");
            }
        }
        listing.start();

        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String projectId : projects) {
                assertThat(listed(projectId)).isEqualTo(recorded(projectId));
            }
        });
        List<Map<String, Object>> rows = rows();

        listing.shutDown();
        listing.resetTokens();
        listing.start();
        await().atMost(PATIENCE).until(() -> !listing.isReplaying());

        assertThat(rows()).isEqualTo(rows);
    }

    private void post(String projectId, String what, String body) {
        assertThat(admin.post("/api/projects/" + projectId + "/" + what, body).status()).isEqualTo(200);
    }

    /** What the register says of the project, in the project's own words. */
    private Map<String, Object> listed(String projectId) {
        for (JsonNode row : auditor.get("/api/projects?limit=500").json().get("items")) {
            if (row.get("projectId").asText().equals(projectId)) {
                return Map.of("status", row.get("status").asText(), "suspended", row.get("suspended").asBoolean(),
                        "version", row.get("version").asLong(), "supervisors", jdbc.queryForObject(
                                "SELECT array_to_string(supervisors, ',') FROM project_listing WHERE project_id = ?",
                                String.class, projectId));
            }
        }
        return Map.of();
    }

    private Map<String, Object> recorded(String projectId) {
        Api.Response answer = auditor.get("/api/projects/" + projectId);
        JsonNode project = answer.json();
        List<String> supervisors = new ArrayList<>();
        project.get("supervisors").forEach(supervisor -> supervisors.add(supervisor.asText()));
        return Map.of("status", project.get("status").asText(), "suspended", project.get("suspended").asBoolean(),
                "version", Long.parseLong(answer.header("ETag").replace("\"", "")),
                "supervisors", String.join(",", supervisors));
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT project_id, code, title, status, suspended, version, "
                + "array_to_string(supervisors, ',') AS supervisors, registered_at, updated_at "
                + "FROM project_listing ORDER BY project_id");
    }
}
