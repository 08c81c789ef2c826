package org.jianhu.alert.handling;

import org.jianhu.alert.support.AlertIT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/** Alerts left unassigned past their colour's deadline go, once, to the regional lead. */
@TestPropertySource(properties = {"jianhu.escalation.check-interval-ms=100",
        "jianhu.escalation.regional-leads.Haishu=lead-zhang", "jianhu.escalation.default-lead=lead-default"})
class EscalationIT extends AlertIT {

    @Test
    void anUnassignedRedAlertGoesToItsRegionalLeadAfter24HoursAndAYellowOneAfter72() throws Exception {
        UUID red = UUID.randomUUID();
        UUID yellow = UUID.randomUUID();
        UUID handled = UUID.randomUUID();
        Map<String, Object> redInHaishu = raised(red, "p-esc-red", "RED");
        redInHaishu.put("region", "Haishu");
        feed.publish(redInHaishu, raised(yellow, "p-esc-yellow", "YELLOW"), about(raised(handled, "p-esc-handled", "RED"), "Haishu", "sup-li"));
        UUID redAlert = awaitAlertOf(red);
        UUID yellowAlert = awaitAlertOf(yellow);
        UUID handledAlert = awaitAlertOf(handled);
        assign(handledAlert);

        clock.set(START.plus(Duration.ofHours(23)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> escalations().isEmpty());

        clock.set(START.plus(Duration.ofHours(24)));
        await().atMost(Duration.ofSeconds(10)).until(() -> escalations().size() == 1);
        assertThat(escalations()).containsExactly(redAlert + " not assigned in time; escalated to lead-zhang");
        assertThat(jdbc.queryForObject("SELECT status FROM alert WHERE id = ?", String.class, redAlert))
                .isEqualTo("raised");

        clock.set(START.plus(Duration.ofHours(80)));
        await().atMost(Duration.ofSeconds(10)).until(() -> escalations().size() == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> escalations().size() == 2);
        assertThat(escalations()).containsExactly(redAlert + " not assigned in time; escalated to lead-zhang",
                yellowAlert + " not assigned in time; escalated to lead-default");
        assertThat(jdbc.queryForList("SELECT step FROM alert_event WHERE alert_id = ?", String.class, handledAlert))
                .doesNotContain("escalated");
    }

    private List<String> escalations() {
        return jdbc.queryForList("SELECT alert_id || ' ' || comment FROM alert_event WHERE step = 'escalated' "
                + "ORDER BY position", String.class);
    }

    private void assign(UUID alert) {
        assertThat(http.postForEntity("/api/alerts/" + alert + "/assignment", new HttpEntity<>(
                Map.of("organisation", "transport-bureau", "deadline", "2026-03-15"),
                as("sup-li", "supervisor", null, "Haishu")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
