package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import javax.crypto.Mac;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.levelChanged;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * Signed webhooks, retried with backoff from the delivery queue, dead-lettered after the last try, re-sendable;
 * each failed try told by its category. The receivers listen on 127.0.0.1 over http, which the operator allows.
 * Metrics exported as in the service (tests leave them out otherwise), for the dead letters' counter.
 */
@AutoConfigureObservability
@TestPropertySource(properties = {"jianhu.delivery.first-backoff=100ms", "jianhu.delivery.max-attempts=3",
        "jianhu.delivery.poll-interval-ms=50", "jianhu.delivery.timeout=1s",
        "jianhu.webhooks.allowed-hosts=127.0.0.1/32", "jianhu.webhooks.allow-http=true"})
class WebhookDeliveryIT extends AlertIT {

    @Test
    void aReceiverThatFailsTwiceGetsExactlyOneAcceptedSignedDeliveryAndARedeliveredSignalSendsNothingMore()
            throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            UUID subscription = subscribe("sup-hook", Map.of("project", "p-hook", "channel", "webhook",
                    "url", receiver.url(), "secret", "s3cret"));
            UUID signal = UUID.randomUUID();
            Map<String, Object> raised = about(raised(signal, "p-hook", "RED"), "Haishu", "sup-li");
            feed.publish(raised, about(raised(UUID.randomUUID(), "p-other", "RED"), "Haishu", "sup-li"));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
            feed.publish(raised);
            UUID alert = awaitAlertOf(signal);
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == 3 && receiver.accepted().size() == 1);

            WebhookReceiver.Received accepted = receiver.accepted().get(0);
            assertThat(accepted.headers().get("signature"))
                    .isEqualTo("sha256=" + hmac("s3cret", accepted.headers().get("timestamp") + "." + accepted.body()));
            JsonNode notice = json.readTree(accepted.body());
            assertThat(notice.get("alertId").asText()).isEqualTo(alert.toString());
            assertThat(notice.get("step").asText()).isEqualTo("raised");
            assertThat(notice.get("projectCode").asText()).isEqualTo("C-p-hook");
            assertThat(receiver.received()).extracting(received -> received.headers().get("delivery")).containsOnly(
                    accepted.headers().get("delivery"));

            JsonNode delivery = await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(subscription).get(0),
                    found -> found.get("status").asText().equals("delivered"));
            assertThat(deliveries(subscription)).hasSize(1);
            assertThat(delivery.get("id").asText()).isEqualTo(accepted.headers().get("delivery"));
            assertThat(delivery.get("tries")).extracting(attempt -> attempt.get("succeeded").asBoolean())
                    .containsExactly(false, false, true);
        }
    }

    @Test
    void aReceiverThatAlwaysFailsEndsDeadLetteredAndARedSendReachesItOnceItAccepts() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            UUID subscription = subscribe("sup-dead", Map.of("project", "p-dead", "level", "RED",
                    "channel", "webhook", "url", receiver.url(), "secret", "other-secret"));
            UUID signal = UUID.randomUUID();
            feed.publish(about(raised(signal, "p-dead", "YELLOW"), "Haishu", "sup-li"),
                    about(levelChanged(signal, "p-dead", "RED", "YELLOW"), "Haishu", "sup-li"));

            JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(subscription),
                    found -> found.size() == 1 && found.get(0).get("status").asText().equals("deadLettered")).get(0);
            assertThat(dead.get("tries")).hasSize(3);
            assertThat(dead.get("lastError").asText()).isEqualTo("HTTP 503");
            assertThat(resend(subscription, dead.get("id").asText(), "sup-other").getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);

            receiver.acceptFromNowOn();
            assertThat(resend(subscription, dead.get("id").asText(), "sup-dead").getStatusCode()).isEqualTo(HttpStatus.OK);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> deliveries(subscription).get(0).get("status").asText().equals("delivered"));
            assertThat(json.readTree(receiver.accepted().get(0).body()).get("level").asText()).isEqualTo("RED");
            assertThat(resend(subscription, dead.get("id").asText(), "sup-dead").getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Test
    void aDeliveryThatGivesUpCountsOnceAsADeadLetterOfItsChannelNamingNoUrl() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            double webhooksBefore = deadLetters("webhook");
            double mailsBefore = deadLetters("mail");
            UUID subscription = subscribe("sup-counted", Map.of("project", "p-counted", "channel", "webhook",
                    "url", receiver.url(), "secret", "s"));
            feed.publish(about(raised(UUID.randomUUID(), "p-counted", "RED"), "Haishu", "sup-li"));

            assertThat(deadLettered(subscription).get("tries")).hasSize(3);
            // one for the delivery, not one per failed try
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> deadLetters("webhook") == webhooksBefore + 1);
            assertThat(deadLetters("mail")).isEqualTo(mailsBefore);
            assertThat(actuator("/actuator/prometheus").lines()
                    .filter(line -> line.startsWith("jianhu_delivery_dead_lettered_total")))
                    .noneMatch(line -> line.contains("127.0.0.1") || line.contains(subscription.toString()));
        }
    }

    @Test
    void aRedirectIsAFailedDeliveryAndIsNotFollowed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.redirecting()) {
            UUID subscription = subscribe("sup-moved", Map.of("project", "p-moved", "channel", "webhook",
                    "url", receiver.url(), "secret", "s"));
            feed.publish(about(raised(UUID.randomUUID(), "p-moved", "RED"), "Haishu", "sup-li"));

            JsonNode dead = deadLettered(subscription);
            assertThat(dead.get("lastError").asText()).isEqualTo("redirect refused");
            assertThat(dead.get("tries")).extracting(attempt -> attempt.get("detail").asText())
                    .containsOnly("redirect refused");
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsOnly("/hook");
        }
    }

    @Test
    void aClosedPortIsConnectionRefusedAndASilentReceiverATimeoutNeverTheExceptionsText() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (WebhookReceiver silent = WebhookReceiver.stalling()) {
            UUID refused = subscribe("sup-closed", Map.of("project", "p-unreached", "channel", "webhook",
                    "url", "http://127.0.0.1:" + closedPort + "/hook", "secret", "s"));
            UUID timedOut = subscribe("sup-silent", Map.of("project", "p-unreached", "channel", "webhook",
                    "url", silent.url(), "secret", "s"));
            feed.publish(about(raised(UUID.randomUUID(), "p-unreached", "RED"), "Haishu", "sup-li"));

            assertThat(deadLettered(refused).get("lastError").asText()).isEqualTo("connection refused");
            JsonNode silence = deadLettered(timedOut);
            assertThat(silence.get("lastError").asText()).isEqualTo("timeout");
            assertThat(silence.toString()).doesNotContain("Exception", "127.0.0.1", "java.");
        }
    }

    @Test
    void aSupervisorNamedOnAProjectOutsideTheirRegionFollowsItByWebhook() throws Exception {
        UUID first = UUID.randomUUID();
        feed.publish(about(raised(first, "p-far", "YELLOW"), "Beilun", "sup-far"));
        awaitAlertOf(first);
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            UUID subscription = subscribe("sup-far", "Haishu", Map.of("project", "p-far", "channel", "webhook",
                    "url", receiver.url(), "secret", "far-secret"));
            assertThat(jdbc.queryForObject("SELECT region FROM subscription WHERE id = ?", String.class, subscription))
                    .isEqualTo("Haishu");

            UUID second = UUID.randomUUID();
            feed.publish(about(raised(second, "p-far", "RED"), "Beilun", "sup-far"),
                    about(raised(UUID.randomUUID(), "p-far", "RED"), "Beilun", "sup-other"));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == 1);
            assertThat(json.readTree(receiver.accepted().get(0).body()).get("alertId").asText())
                    .isEqualTo(awaitAlertOf(second).toString());
        }
    }

    /** {@code jianhu_delivery_dead_lettered_total} of the channel, as Prometheus reads it. */
    private double deadLetters(String channel) {
        return metric("jianhu_delivery_dead_lettered_total{", "channel=\"" + channel + "\"");
    }

    private JsonNode deadLettered(UUID subscription) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(subscription),
                found -> found.size() == 1 && found.get(0).get("status").asText().equals("deadLettered")).get(0);
    }

    private JsonNode deliveries(UUID subscription) {
        return http.exchange("/api/subscriptions/" + subscription + "/deliveries", HttpMethod.GET,
                new HttpEntity<>(as("sup-" + owner(subscription), "supervisor", null, "Haishu")), JsonNode.class).getBody();
    }

    private String owner(UUID subscription) {
        return jdbc.queryForObject("SELECT substr(supervisor, 5) FROM subscription WHERE id = ?", String.class,
                subscription);
    }

    private ResponseEntity<JsonNode> resend(UUID subscription, String delivery, String supervisor) {
        return http.exchange("/api/subscriptions/" + subscription + "/deliveries/" + delivery + "/resend",
                HttpMethod.POST, new HttpEntity<>(as(supervisor, "supervisor", null, "Haishu")), JsonNode.class);
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
