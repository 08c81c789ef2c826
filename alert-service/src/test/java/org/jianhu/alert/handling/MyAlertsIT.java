package org.jianhu.alert.handling;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.EventStreamClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.jianhu.testsupport.TestIdentity;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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
        subscribe("sup-li", "Yinzhou", Map.of("region", "Yinzhou", "level", "RED", "channel", "queue"));
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

        assertThat(ids("sup-li", "supervisor", null, "Yinzhou"))
                .containsExactlyInAnyOrder(alertOf(mine), alertOf(subscribed));
        assertThat(ids("sup-chen", "supervisor", null, "Haishu")).containsExactly(alertOf(mine));
        assertThat(ids("owner-wang", "owner", "water-bureau", null)).containsExactly(alertOf(elsewhere));
        assertThat(ids("owner-zhou", "owner", "transport-bureau", null)).contains(alertOf(mine))
                .doesNotContain(alertOf(elsewhere));
        assertThat(ids("auditor-xu", "auditor", null, null)).containsAll(all);
        assertThat(ids("admin-chen", "admin", null, null)).containsAll(all);
        assertThat(ids("service-supervision", "service", null, null)).containsAll(all);
        assertThat(jdbc.queryForObject("SELECT region || ' ' || supervisors::text FROM alert WHERE id = ?", String.class,
                handedOverAlert)).isEqualTo("Haishu [\"sup-zhao\"]");
        JsonNode alert = read(alertOf(mine), auditor()).getBody();
        assertThat(alert.get("projectCode").asText()).isEqualTo("C-p-mine");
        assertThat(alert.get("projectTitle").asText()).isEqualTo("Bridge p-mine");
        assertThat(alert.get("supervisors")).extracting(JsonNode::asText).containsExactly("sup-li", "sup-chen");
        assertThat(read(alertOf(elsewhere), as("sup-li", "supervisor", null, "Yinzhou")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // the list is "mine"; a single alert is any the reader may read: sup-chen's region holds p-handed
        assertThat(read(handedOverAlert, as("sup-chen", "supervisor", null, "Haishu")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSubscriptionShowsNothingOutsideTheSupervisorsRegion() throws Exception {
        UUID signal = UUID.randomUUID();
        subscribe("sup-moved", "Zhenhai", Map.of("channel", "queue"));
        feed.publish(about(raised(signal, "p-zhenhai", "RED"), "Zhenhai", "sup-other"));
        UUID alert = awaitAlertOf(signal);

        assertThat(ids("sup-moved", "supervisor", null, "Zhenhai")).containsExactly(alert);
        assertThat(ids("sup-moved", "supervisor", null, "Jiangbei")).isEmpty();
        assertThat(http.postForEntity("/api/subscriptions", new HttpEntity<>(Map.of("region", "Zhenhai",
                "channel", "queue"), as("sup-moved", "supervisor", null, "Jiangbei")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSupervisorsStreamCarriesOnlyTheAlertsTheirListWould() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID notMine = UUID.randomUUID();
        try (EventStreamClient stream = EventStreamClient.open(URI.create("http://localhost:" + port
                + "/api/alerts/stream"), null, TestIdentity.headers("sup-stream", "supervisor", null, "Beilun"))) {
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

    private List<UUID> ids(String user, String role, String organisation, String region) {
        List<UUID> ids = new ArrayList<>();
        http.exchange("/api/alerts", HttpMethod.GET, new HttpEntity<>(as(user, role, organisation, region)),
                JsonNode.class).getBody().get("items").forEach(alert -> ids.add(UUID.fromString(alert.get("id").asText())));
        return ids;
    }

    private ResponseEntity<JsonNode> read(UUID alert, HttpHeaders reader) {
        return http.exchange("/api/alerts/" + alert, HttpMethod.GET, new HttpEntity<>(reader), JsonNode.class);
    }
}
