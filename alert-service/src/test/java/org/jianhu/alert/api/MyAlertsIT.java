package org.jianhu.alert.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.EventStreamClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.change;
import static org.jianhu.alert.support.SignalFeed.levelChanged;
import static org.jianhu.alert.support.SignalFeed.raised;

/** A supervisor's list and stream hold their own projects' alerts and what they subscribed to; an owner's their organisation's. */
class MyAlertsIT extends AlertIT {

    @LocalServerPort
    int port;

    @Test
    void aSupervisorSeesTheirProjectsAlertsAndThoseTheirSubscriptionsMatchAnOwnerTheirOrganisations() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID handedOver = UUID.randomUUID();
        UUID subscribed = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        subscribe("sup-li", Map.of("region", "Yinzhou", "level", "RED", "channel", "queue"));
        Map<String, Object> foreign = about(raised(elsewhere, "p-foreign", "RED"), "Beilun", "sup-zhao");
        foreign.put("ownerOrganisation", "water-bureau");
        feed.publish(about(raised(mine, "p-mine", "YELLOW"), "Haishu", "sup-li", "sup-chen"),
                about(raised(handedOver, "p-handed", "RED"), "Haishu", "sup-li"),
                about(raised(subscribed, "p-yinzhou", "RED"), "Yinzhou", "sup-wang"),
                about(raised(UUID.randomUUID(), "p-yinzhou-yellow", "YELLOW"), "Yinzhou", "sup-wang"), foreign);
        List<UUID> all = List.of(awaitAlertOf(mine), awaitAlertOf(handedOver), awaitAlertOf(subscribed),
                awaitAlertOf(elsewhere));
        UUID handedOverAlert = alertOf(handedOver);

        // supervisors of p-handed are now others: the alert follows the message, not the first one
        feed.publish(about(levelChanged(handedOver, "p-handed", "RED", "RED"), null, "sup-zhao"));
        await().atMost(Duration.ofSeconds(20)).until(() -> steps(handedOverAlert) == 2);

        assertThat(ids("sup-li", "supervisor", null)).containsExactlyInAnyOrder(alertOf(mine), alertOf(subscribed));
        assertThat(ids("sup-chen", "supervisor", null)).containsExactly(alertOf(mine));
        assertThat(ids("owner-wang", "owner", "water-bureau")).containsExactly(alertOf(elsewhere));
        assertThat(ids("owner-zhou", "owner", "transport-bureau")).contains(alertOf(mine)).doesNotContain(alertOf(elsewhere));
        assertThat(ids("auditor-xu", "auditor", null)).containsAll(all);
        assertThat(ids("admin-chen", "admin", null)).containsAll(all);
        assertThat(jdbc.queryForObject("SELECT region || ' ' || supervisors::text FROM alert WHERE id = ?", String.class,
                handedOverAlert)).isEqualTo("Haishu [\"sup-zhao\"]");
        JsonNode alert = http.getForObject("/api/alerts/" + alertOf(mine), JsonNode.class);
        assertThat(alert.get("projectCode").asText()).isEqualTo("C-p-mine");
        assertThat(alert.get("projectTitle").asText()).isEqualTo("Bridge p-mine");
        assertThat(alert.get("supervisors")).extracting(JsonNode::asText).containsExactly("sup-li", "sup-chen");
        assertThat(http.exchange("/api/alerts/" + alertOf(elsewhere), HttpMethod.GET,
                new HttpEntity<>(as("sup-li", "supervisor", null)), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSupervisorsStreamCarriesOnlyTheAlertsTheirListWould() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID notMine = UUID.randomUUID();
        try (EventStreamClient stream = EventStreamClient.open(URI.create("http://localhost:" + port
                + "/api/alerts/stream"), null, Map.of("X-Jianhu-User", "sup-stream", "X-Jianhu-Role", "supervisor"))) {
            feed.publish(about(raised(notMine, "p-not-mine", "RED"), "Haishu", "sup-other"),
                    about(raised(mine, "p-stream", "RED"), "Haishu", "sup-stream"),
                    about(change(notMine, "p-not-mine", "R01", "levelChanged", "RED", "RED"), "Haishu", "sup-other"));
            UUID notMineAlert = awaitAlertOf(notMine);
            await().atMost(Duration.ofSeconds(20)).until(() -> steps(notMineAlert) == 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> stream.events().size() == 1);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> stream.events().size() == 1);
            assertThat(json.readTree(stream.events().get(0).data()).get("alertId").asText())
                    .isEqualTo(alertOf(mine).toString());
        }
    }

    private List<UUID> ids(String user, String role, String organisation) {
        List<UUID> ids = new ArrayList<>();
        http.exchange("/api/alerts", HttpMethod.GET, new HttpEntity<>(as(user, role, organisation)), JsonNode.class)
                .getBody().forEach(alert -> ids.add(UUID.fromString(alert.get("id").asText())));
        return ids;
    }
}
