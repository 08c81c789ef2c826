package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.support.HistoryStub;
import org.jianhu.supervision.support.SupervisionIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** The views can be folded afresh from the project service's log; only real differences become signal changes. */
class RebuildingIT extends SupervisionIT {

    private static final HistoryStub projectService = new HistoryStub();

    @DynamicPropertySource
    static void logFromTheStub(DynamicPropertyRegistry registry) {
        registry.add("jianhu.project-service.url", projectService::url);
        registry.add("jianhu.rebuild.page-size", () -> "2");
    }

    @AfterAll
    static void stopStub() {
        projectService.close();
    }

    @Test
    void aRebuildRestoresDamagedFactsAndAddsProjectsNeverDelivered() throws Exception {
        EventEnvelope[] delivered = {feed.envelope(1000, 0, registered("p-seen", "Haishu")),
                feed.envelope(1000, 1, payment("p-seen", "t-1", "1200000.00"))};
        EventEnvelope[] neverDelivered = {feed.envelope(2000, 0, registered("p-unseen", "Haishu")),
                feed.envelope(2000, 1, payment("p-unseen", "t-1", "700000.00")),
                feed.envelope(2000, 2, payment("p-unseen", "t-2", "10.00"))};
        projectService.holds("p-seen", delivered);
        projectService.holds("p-unseen", neverDelivered);
        feed.publish(delivered);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows("p-seen") == 1);
        jdbc.update("UPDATE risk_project SET facts = jsonb_set(facts, '{applied}', '[]') WHERE project_id = 'p-seen'");

        ResponseEntity<String> answer = http.postForEntity("/api/risk/rebuild", new HttpEntity<>(null, admin()),
                String.class);

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode outcome = json.readTree(answer.getBody());
        assertThat(outcome.get("events").asLong()).isEqualTo(5);
        assertThat(outcome.get("rebuilt").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT facts -> 'applied' FROM risk_project WHERE project_id = 'p-seen'",
                String.class)).isEqualTo("[1000, 1001]");
        assertThat(outboxRows("p-seen")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT level || ' ' || next_sequence || ' ' || region FROM risk_project "
                + "WHERE project_id = 'p-unseen'", String.class)).isEqualTo("YELLOW 3 Haishu");
        assertThat(outboxRows("p-unseen")).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorRebuilds() {
        assertThat(http.postForEntity("/api/risk/rebuild", null, String.class).getStatusCode().value()).isEqualTo(401);
    }

    private static HttpHeaders admin() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Jianhu-User", "admin-chen");
        headers.set("X-Jianhu-Role", "admin");
        return headers;
    }
}
