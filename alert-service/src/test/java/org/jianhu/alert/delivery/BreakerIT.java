package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * A failing receiver's breaker: three failed tries in a row open it for 2 s, a failed probe for 4 s; while open
 * nothing is tried and no attempt is spent, while probing one try goes; a success closes it, and every delivery
 * arrives once. The tries' times and the openings are both the database's clock, so they compare exactly.
 */
@AutoConfigureObservability
@TestPropertySource(properties = {"jianhu.delivery.first-backoff=100ms", "jianhu.delivery.max-attempts=20",
        "jianhu.delivery.poll-interval-ms=50", "jianhu.delivery.breaker.failures=3",
        "jianhu.delivery.breaker.open-for=2s", "jianhu.delivery.breaker.multiplier=2",
        "jianhu.delivery.breaker.max-open-for=8s", "jianhu.webhooks.allowed-hosts=127.0.0.1/32",
        "jianhu.webhooks.allow-http=true"})
class BreakerIT extends AlertIT {

    @Test
    void aFailingReceiversBreakerOpensIsNotTriedProbesOnceAndClosesAfterASuccessAndEveryDeliveryArrivesOnce()
            throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.MAX_VALUE)) {
            receiver.hold(4);
            receiver.hold(5);
            UUID subscription = subscribe("sup-flaky", Map.of("project", "p-flaky", "channel", "webhook",
                    "url", receiver.url(), "secret", "s"));
            feed.publish(about(raised(UUID.randomUUID(), "p-flaky", "RED"), "Haishu", "sup-li"));

            JsonNode open = await().atMost(Duration.ofSeconds(20)).until(() -> destination(subscription),
                    state -> state.get("state").asText().equals("open"));
            assertThat(open.get("consecutiveFailures").asInt()).isEqualTo(3);
            assertThat(open.get("lastError").asText()).isEqualTo("HTTP 503");
            assertThat(receiver.arrived()).isEqualTo(3);
            assertThat(instant(open.get("openUntil"))).isEqualTo(attemptTimes(subscription).get(2).plusSeconds(2));
            assertThat(mine("sup-flaky").get(0).at("/destination/state").asText()).isIn("open", "probing");

            // two more while it is open or probing: queued, not tried
            feed.publish(about(raised(UUID.randomUUID(), "p-flaky", "RED"), "Haishu", "sup-li"),
                    about(raised(UUID.randomUUID(), "p-flaky", "YELLOW"), "Haishu", "sup-li"));
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(subscription).size() == 3);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.unanswered() == 1);
            assertThat(destination(subscription).get("state").asText()).isEqualTo("probing");
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.arrived() == 4 && receiver.unanswered() == 1);
            assertThat(metric("jianhu_delivery_breakers{", "state=\"probing\"")).isEqualTo(1.0);
            assertThat(attemptsSpent(subscription)).as("only the first delivery's three tries").isEqualTo(3);

            receiver.release(4);
            JsonNode again = await().atMost(Duration.ofSeconds(5)).until(() -> destination(subscription),
                    state -> state.get("consecutiveFailures").asInt() == 4);
            assertThat(again.get("state").asText()).isEqualTo("open");
            List<Instant> tries = attemptTimes(subscription);
            assertThat(tries.get(3)).isAfterOrEqualTo(instant(open.get("openUntil")));
            assertThat(instant(again.get("openUntil"))).as("open twice as long after a failed probe")
                    .isEqualTo(tries.get(3).plusSeconds(4));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.unanswered() == 1 && receiver.arrived() == 5);
            receiver.acceptFromNowOn();
            receiver.release(5);
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription).findValuesAsText("status")
                    .stream().allMatch("delivered"::equals));
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> receiver.arrived() == 7);

            assertThat(attemptTimes(subscription).get(4)).isAfterOrEqualTo(instant(again.get("openUntil")));
            assertThat(receiver.accepted()).extracting(received -> received.headers().get("delivery"))
                    .containsExactlyInAnyOrderElementsOf(deliveries(subscription).findValuesAsText("id"));
            JsonNode closed = destination(subscription);
            assertThat(closed.get("state").asText()).isEqualTo("closed");
            assertThat(closed.get("consecutiveFailures").asInt()).isZero();
            assertThat(closed.has("openUntil")).isFalse();
            assertThat(metric("jianhu_delivery_breaker_openings_total", "")).isEqualTo(2.0);
        }
    }

    /** The subscription's destination, as its supervisor reads the subscription. */
    private JsonNode destination(UUID subscription) {
        return http.exchange("/api/subscriptions/" + subscription, HttpMethod.GET,
                new HttpEntity<>(as("sup-flaky", "supervisor", null, "Haishu")), JsonNode.class).getBody()
                .get("destination");
    }

    private JsonNode mine(String supervisor) {
        return http.exchange("/api/subscriptions", HttpMethod.GET,
                new HttpEntity<>(as(supervisor, "supervisor", null, "Haishu")), JsonNode.class).getBody();
    }

    private JsonNode deliveries(UUID subscription) {
        return http.exchange("/api/subscriptions/" + subscription + "/deliveries", HttpMethod.GET,
                new HttpEntity<>(as("sup-flaky", "supervisor", null, "Haishu")), JsonNode.class).getBody();
    }

    /** When each try of the subscription's deliveries was recorded, in order. */
    private List<Instant> attemptTimes(UUID subscription) {
        return jdbc.queryForList("SELECT a.attempted_at FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id "
                + "WHERE d.subscription_id = ? ORDER BY a.id", Timestamp.class, subscription).stream()
                .map(Timestamp::toInstant).toList();
    }

    private int attemptsSpent(UUID subscription) {
        return jdbc.queryForObject("SELECT sum(attempts) FROM delivery WHERE subscription_id = ?", Integer.class,
                subscription);
    }

    private static Instant instant(JsonNode value) {
        return Instant.parse(value.asText());
    }
}
