package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.destination.HostResolver;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * The destination policy again at each delivery, over a DNS the test controls: a name that pointed outside when
 * subscribed and inside when delivered (DNS rebinding) is refused, and the connection goes only to the addresses
 * the policy judged, as an allowed name no real DNS knows shows.
 */
@TestPropertySource(properties = {"jianhu.delivery.first-backoff=100ms", "jianhu.delivery.max-attempts=2",
        "jianhu.delivery.poll-interval-ms=50", "jianhu.webhooks.allow-http=true",
        "jianhu.webhooks.allowed-hosts=hooks.allowed.test"})
class WebhookDestinationsIT extends AlertIT {

    static final Map<String, List<InetAddress>> DNS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class TestDns {

        @Bean
        @Primary
        HostResolver testDns() {
            return host -> {
                List<InetAddress> addresses = DNS.get(host);
                if (addresses == null) {
                    throw new UnknownHostException(host);
                }
                return addresses;
            };
        }
    }

    @Test
    void aNameThatPointsInsideOnlyOnceSubscribedIsRefusedAtEachDeliveryAndNothingReachesIt() throws Exception {
        try (WebhookReceiver inside = new WebhookReceiver(0)) {
            DNS.put("rebinding.test", List.of(InetAddress.getByName("203.0.113.7")));
            UUID subscription = subscribe("sup-rebound", Map.of("project", "p-rebound", "channel", "webhook",
                    "url", "http://rebinding.test:" + inside.port() + "/hook", "secret", "s"));
            DNS.put("rebinding.test", List.of(InetAddress.getLoopbackAddress()));

            feed.publish(about(raised(UUID.randomUUID(), "p-rebound", "RED"), "Haishu", "sup-li"));

            JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries("sup-rebound", subscription),
                    found -> found.size() == 1 && found.get(0).get("status").asText().equals("deadLettered")).get(0);
            assertThat(dead.get("lastError").asText()).isEqualTo("refused by policy");
            assertThat(dead.get("tries")).extracting(attempt -> attempt.get("detail").asText())
                    .containsExactly("refused by policy", "refused by policy");
            assertThat(inside.received()).isEmpty();
        }
    }

    @Test
    void aHostTheOperatorAllowsIsReachedAtTheAddressesThePolicyJudged() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            DNS.put("hooks.allowed.test", List.of(InetAddress.getLoopbackAddress()));
            UUID subscription = subscribe("sup-allowed", Map.of("project", "p-allowed", "channel", "webhook",
                    "url", "http://hooks.allowed.test:" + receiver.port() + "/hook", "secret", "s"));

            feed.publish(about(raised(UUID.randomUUID(), "p-allowed", "RED"), "Haishu", "sup-li"));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("sup-allowed", subscription).get(0)
                    .get("status").asText().equals("delivered"));
        }
    }

    private JsonNode deliveries(String supervisor, UUID subscription) {
        return http.exchange("/api/subscriptions/" + subscription + "/deliveries", HttpMethod.GET,
                new HttpEntity<>(as(supervisor, "supervisor", null, "Haishu")), JsonNode.class).getBody();
    }
}
