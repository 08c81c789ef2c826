package org.jianhu.project.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.ProjectResumed;
import org.jianhu.contracts.project.ProjectSuspended;
import org.jianhu.project.support.Api;
import org.jianhu.project.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the register cannot apply stops only its own project: the project is parked and reported (API, health,
 * gauge), its later events wait, every other project is listed within seconds, and after the fix an admin's retry
 * lists it exactly once. The events that do the harm are written straight into this test's own event store, as the
 * storage engine writes them, bypassing every check of the write path.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jianhu.register.poison-attempts=2", "jianhu.relay.enabled=false"})
class RegisterParkingIT extends RunningService {

    private static final Duration SECONDS = Duration.ofSeconds(15);

    @Test
    void aPoisonEventParksItsProjectOnlyAndTheRetryAfterTheFixListsItExactlyOnce() {
        String poisoned = admin.register("PO-1", "Haishu");
        await().atMost(SECONDS).until(() -> listed(poisoned) != null);
        String eventId = UUID.randomUUID().toString();
        long position = append(eventId, poisoned, 1, ProjectSuspended.class, """
                {"projectId": "%s", "date": "sometime in spring", "reason": "flood season"}""".formatted(poisoned));

        String other = admin.register("PO-2", "Haishu");
        assertThat(admin.post("/api/projects/" + other + "/approval",
                "{\"approvalDate\": \"2025-01-10\", \"approvalDocumentNumber\": \"FGW-1\"}").status()).isEqualTo(200);
        await().atMost(SECONDS).until(() -> listed(other) != null && listed(other).get("version").asLong() == 1);

        JsonNode parked = admin.get("/api/projects/parked").json().get("items");
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).get("projectId").asText()).isEqualTo(poisoned);
        assertThat(parked.get(0).get("consumer").asText()).isEqualTo("register");
        assertThat(parked.get(0).get("position").asLong()).isEqualTo(position);
        assertThat(parked.get(0).get("eventId").asText()).isEqualTo(eventId);
        assertThat(parked.get(0).get("reason").asText()).contains("sometime in spring");
        JsonNode health = Api.anonymous(managementPort).get("/actuator/health").json().at("/components/parkedProjects/details");
        assertThat(health.get("count").asInt()).isEqualTo(1);
        assertThat(health.at("/projects/0/projectId").asText()).isEqualTo(poisoned);
        assertThat(gauge()).isEqualTo("1.0");
        assertThat(owner.get("/api/projects/parked").status()).isEqualTo(403);
        assertThat(owner.post("/api/projects/parked/" + poisoned + "/retry", "").status()).isEqualTo(403);

        // while parked, the project's later events wait; the register goes on past them
        append(UUID.randomUUID().toString(), poisoned, 2, ProjectResumed.class, """
                {"projectId": "%s", "date": "2025-09-15", "reason": "flood season over"}""".formatted(poisoned));
        String later = admin.register("PO-3", "Haishu");
        await().atMost(SECONDS).until(() -> listed(later) != null);
        assertThat(listed(poisoned).get("version").asLong()).isZero();

        JsonNode tooSoon = admin.post("/api/projects/parked/" + poisoned + "/retry", "").json();
        assertThat(tooSoon.get("caughtUp").asBoolean()).isFalse();
        assertThat(tooSoon.at("/parked/eventId").asText()).isEqualTo(eventId);
        assertThat(tooSoon.at("/parked/reason").asText()).contains("sometime in spring");
        assertThat(admin.get("/api/projects/parked").json().get("items")).hasSize(1);

        // the fix: the stored event made readable (as an upcaster would read it)
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", bytes("""
                {"projectId": "%s", "date": "2025-08-01", "reason": "flood season"}""".formatted(poisoned)), eventId);
        Api.Response retried = admin.post("/api/projects/parked/" + poisoned + "/retry", "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("caughtUp").asBoolean()).isTrue();
        assertThat(retried.json().get("version").asLong()).isEqualTo(2);
        assertThat(listed(poisoned).get("version").asLong()).isEqualTo(2);
        assertThat(listed(poisoned).get("suspended").asBoolean()).isFalse();
        assertThat(admin.post("/api/projects/parked/" + poisoned + "/retry", "").status()).isEqualTo(404);
        assertThat(admin.get("/api/projects/parked").json().get("items")).isEmpty();
        assertThat(Api.anonymous(managementPort).get("/actuator/health").json().at("/components/parkedProjects/details/count").asInt())
                .isZero();
        assertThat(gauge()).isEqualTo("0.0");

        // listed again as it goes on, each event once
        projectCache.removeAll();
        assertThat(admin.post("/api/projects/" + poisoned + "/suspension",
                "{\"date\": \"2025-10-01\", \"reason\": \"typhoon\"}").status()).isEqualTo(200);
        await().atMost(SECONDS).untilAsserted(() -> assertThat(listed(poisoned).get("version").asLong()).isEqualTo(3));
        assertThat(listed(poisoned).get("suspended").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project_listing WHERE project_id = ?", Long.class,
                poisoned)).isEqualTo(1);
    }

    @Test
    void aTitleWithANulCharacterRecordedBeforeThePolicyIsListedNotParked() {
        String projectId = UUID.randomUUID().toString();
        append(UUID.randomUUID().toString(), projectId, 0, ProjectRegistered.class, """
                {"projectId": "%s", "code": "NUL-1", "title": "Harbour\\u0000bridge", "type": "construction",
                 "region": "Haishu", "ownerOrganisation": "owner-org",
                 "budget": {"amount": "1000.00", "currency": "CNY"},
                 "plannedPeriod": {"startDate": "2025-01-01", "endDate": "2027-12-31"}, "supervisors": ["sup-li"]}"""
                .formatted(projectId));

        await().atMost(SECONDS).until(() -> listed(projectId) != null);
        assertThat(listed(projectId).get("title").asText()).isEqualTo("Harbour\uFFFDbridge");
        assertThat(admin.get("/api/projects/parked").json().get("items")).extracting(row -> row.get("projectId").asText())
                .doesNotContain(projectId);
    }

    /** Appends an event row as the storage engine does, and answers its global position. */
    private long append(String eventId, String projectId, long sequence, Class<?> type, String payload) {
        Long position = jdbc.queryForObject("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, 'Project', now(), ?, '1', ?, ?) RETURNING global_index", Long.class,
                eventId, projectId, sequence, type.getName(), bytes(payload),
                bytes("{\"actorUser\": \"repair-script\", \"actorRole\": \"admin\"}"));
        return position == null ? -1 : position;
    }

    private JsonNode listed(String projectId) {
        for (JsonNode row : auditor.get("/api/projects?limit=500").json().get("items")) {
            if (row.get("projectId").asText().equals(projectId)) {
                return row;
            }
        }
        return null;
    }

    private String gauge() {
        for (String line : Api.anonymous(managementPort).get("/actuator/prometheus").raw().body().split("\n")) {
            if (line.startsWith("jianhu_parked_projects")) {
                return line.substring(line.lastIndexOf(' ') + 1);
            }
        }
        return null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
