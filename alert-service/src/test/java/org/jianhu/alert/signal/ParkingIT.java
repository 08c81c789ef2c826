package org.jianhu.alert.signal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.cleared;
import static org.jianhu.alert.support.SignalFeed.levelChanged;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * A signal change that cannot be applied for its own sake parks its project only: its later changes are held,
 * every other project goes on at once, health and metrics show it, and a retry after the fix applies what was
 * held, in order, exactly once. The fault is a constraint on this test's own database refusing alerts of one
 * project, as a broken migration could; dropping it is the fix.
 */
@AutoConfigureObservability
@TestPropertySource(properties = {"jianhu.consumption.retry-pause-ms=100", "jianhu.consumption.poison-attempts=3"})
class ParkingIT extends AlertIT {

    @Test
    void aChangeThatCannotBeAppliedParksItsProjectAloneAndARetryAfterTheFixAppliesWhatWasHeldOnce() throws Exception {
        jdbc.execute("ALTER TABLE alert ADD CONSTRAINT refuses_p_poison CHECK (project_id <> 'p-poison')");
        UUID signal = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        Map<String, Object> poison = about(raised(signal, "p-poison", "YELLOW"), "Haishu", "sup-li");

        feed.publish(poison);
        await().atMost(Duration.ofSeconds(20)).until(() -> parked().size() == 1);
        feed.publish(about(levelChanged(signal, "p-poison", "RED", "YELLOW"), "Haishu", "sup-li"),
                about(raised(another, "p-poison", "RED"), "Haishu", "sup-li"), poison,
                about(raised(healthy, "p-healthy", "RED"), "Haishu", "sup-li"));

        await().atMost(Duration.ofSeconds(5)).until(() -> alertOf(healthy) != null);
        await().atMost(Duration.ofSeconds(5)).until(() -> held("p-poison") == 4);
        JsonNode parked = parked().get(0);
        assertThat(parked.get("consumer").asText()).isEqualTo("alerts");
        assertThat(parked.get("projectId").asText()).isEqualTo("p-poison");
        assertThat(parked.get("eventId").asText()).isEqualTo(poison.get("changeId"));
        assertThat(parked.get("reason").asText()).contains("refuses_p_poison");
        JsonNode health = json.readTree(actuator("/actuator/health")).at("/components/parkedProjects");
        assertThat(health.at("/details/count").asInt()).isOne();
        assertThat(health.at("/details/projects/0/projectId").asText()).isEqualTo("p-poison");
        assertThat(metric("jianhu_parked_projects{", "")).isEqualTo(1.0);

        assertThat(retry("p-poison", admin()).getStatusCode()).as("before the fix").isEqualTo(HttpStatus.CONFLICT);
        assertThat(parked()).hasSize(1);
        assertThat(held("p-poison")).isEqualTo(4);

        jdbc.execute("ALTER TABLE alert DROP CONSTRAINT refuses_p_poison");
        ResponseEntity<JsonNode> retried = retry("p-poison", admin());

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().get("held").asInt()).isEqualTo(4);
        assertThat(retried.getBody().get("applied").asInt()).as("the repeated raise once").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT step || ' ' || level FROM alert_event WHERE alert_id = ? ORDER BY position",
                String.class, alertOf(signal))).containsExactly("raised YELLOW", "signalLevelChanged RED");
        assertThat(steps(alertOf(another))).isOne();
        assertThat(parked()).isEmpty();
        assertThat(held("p-poison")).isZero();
        assertThat(metric("jianhu_parked_projects{", "")).isZero();

        feed.publish(about(cleared(signal, "p-poison", "RED"), "Haishu", "sup-li"));
        await().atMost(Duration.ofSeconds(10)).until(() -> steps(alertOf(signal)) == 3);
        assertThat(retry("p-poison", admin()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAnAdminSeesAndRetriesParkedProjects() {
        HttpHeaders supervisor = as("sup-li", "supervisor", null, "Haishu");

        assertProblem(http.exchange("/api/alerts/parked", HttpMethod.GET, new HttpEntity<>(supervisor), JsonNode.class),
                HttpStatus.FORBIDDEN, "urn:jianhu:problem:forbidden");
        assertProblem(retry("p-any", auditor()), HttpStatus.FORBIDDEN, "urn:jianhu:problem:forbidden");
        assertProblem(retry("p-not-parked", admin()), HttpStatus.NOT_FOUND, "urn:jianhu:problem:not-found");
    }

    private JsonNode parked() {
        return http.exchange("/api/alerts/parked", HttpMethod.GET, new HttpEntity<>(admin()), JsonNode.class).getBody()
                .get("items");
    }

    private ResponseEntity<JsonNode> retry(String project, HttpHeaders caller) {
        return http.exchange("/api/alerts/parked/" + project + "/retry", HttpMethod.POST, new HttpEntity<>(caller),
                JsonNode.class);
    }

    private long held(String project) {
        return jdbc.queryForObject("SELECT count(*) FROM held_message WHERE consumer = 'alerts' AND project_id = ?",
                Long.class, project);
    }

    private static HttpHeaders admin() {
        return as("admin-zhou", "admin", null, null);
    }
}
