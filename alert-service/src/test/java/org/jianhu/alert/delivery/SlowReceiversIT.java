package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.EventStreamClient;
import org.jianhu.alert.support.SilentServer;
import org.jianhu.alert.support.WebhookReceiver;
import org.jianhu.testsupport.OpenTransactions;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * A receiver that takes its time holds neither a transaction in the alert database nor anyone else's deliveries:
 * tries are sent outside any transaction, on workers of which one destination holds at most its share. Each try
 * here may take 3 s; the silent receivers' breakers never open (another test's subject).
 */
@TestPropertySource(properties = {"jianhu.delivery.first-backoff=100ms", "jianhu.delivery.max-attempts=100",
        "jianhu.delivery.poll-interval-ms=50", "jianhu.delivery.timeout=3s", "jianhu.delivery.breaker.failures=1000",
        "jianhu.webhooks.allowed-hosts=127.0.0.1/32", "jianhu.webhooks.allow-http=true"})
class SlowReceiversIT extends AlertIT {

    /** No transaction in the alert database may be open longer than this while a receiver stalls. */
    private static final Duration SHORT = Duration.ofSeconds(1);
    /** Longer than one try's timeout: the watch covers a whole try, its outcome and the next try's start. */
    private static final Duration WATCH = Duration.ofSeconds(4);

    static final SilentServer SILENT_MAIL_SERVER = open();

    @LocalServerPort
    int port;
    @Value("${jianhu.test.database}")
    String database;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", SILENT_MAIL_SERVER::port);
    }

    @AfterAll
    static void closeMailServer() throws IOException {
        SILENT_MAIL_SERVER.close();
    }

    @Test
    void aStallingWebhookReceiverLeavesNoTransactionOpenInTheAlertDatabase() throws Exception {
        try (WebhookReceiver stalling = WebhookReceiver.stalling()) {
            UUID subscription = subscribe("sup-stall", Map.of("project", "p-stall", "channel", "webhook",
                    "url", stalling.url(), "secret", "s"));
            feed.publish(about(raised(UUID.randomUUID(), "p-stall", "RED"), "Haishu", "sup-li"));
            await().atMost(Duration.ofSeconds(20)).until(() -> stalling.arrived() >= 1);

            assertNoTransactionHeldOpenWhileWatching();
            assertThat(stalling.arrived()).as("tried again after the timeout").isGreaterThanOrEqualTo(2);
            assertThat(tries(subscription, "sup-stall")).contains("timeout");
            unsubscribe("sup-stall", subscription);
        }
    }

    @Test
    void aMailServerThatNeverAnswersLeavesNoTransactionOpenAndItsTryEnds() throws Exception {
        UUID subscription = subscribe("sup-mail-stall", Map.of("project", "p-mail-stall", "channel", "mail",
                "address", "li@example.org"));
        feed.publish(about(raised(UUID.randomUUID(), "p-mail-stall", "RED"), "Haishu", "sup-li"));
        await().atMost(Duration.ofSeconds(20)).until(() -> SILENT_MAIL_SERVER.accepted() >= 1);

        assertNoTransactionHeldOpenWhileWatching();
        assertThat(tries(subscription, "sup-mail-stall")).contains("mail not sent");
        unsubscribe("sup-mail-stall", subscription);
    }

    @Test
    void aSlowReceiverDelaysNeitherAnotherSubscribersDeliveriesNorTheExchangeNorTheStream() throws Exception {
        try (WebhookReceiver slow = WebhookReceiver.slow(Duration.ofMillis(2500));
             WebhookReceiver fast = new WebhookReceiver(0);
             EventStreamClient stream = EventStreamClient.open(URI.create("http://localhost:" + port
                     + "/api/alerts/stream"), null, TestIdentity.headers("aud-sun", "auditor"))) {
            UUID slowOne = subscribe("sup-slow", Map.of("project", "p-shared", "channel", "webhook",
                    "url", slow.url(), "secret", "s"));
            UUID fastOne = subscribe("sup-fast", Map.of("project", "p-shared", "channel", "webhook",
                    "url", fast.url(), "secret", "f"));
            List<UUID> signals = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID());
            feed.publish(signals.stream().map(signal -> about(raised(signal, "p-shared", "RED"), "Haishu", "sup-li"))
                    .toArray(Map[]::new));
            List<UUID> alerts = signals.stream().map(this::awaitAlertOf).toList();

            // each alert's deliveries were queued with its step; the slow receiver needs 7.5 s for its five
            await().atMost(Duration.ofSeconds(2)).until(() -> fast.accepted().size() == 5);
            await().atMost(Duration.ofSeconds(2)).until(() -> deliveredToTheExchange(alerts) == 5);
            await().atMost(Duration.ofSeconds(2)).until(() -> raisedOnTheStream(stream, alerts) == 5);
            assertThat(slow.accepted()).as("the slow receiver is still busy").hasSizeLessThan(5);

            await().atMost(Duration.ofSeconds(20)).until(() -> slow.accepted().size() == 5);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> fast.received().size() == 5 && slow.received().size() == 5);
            assertThat(fast.accepted()).extracting(received -> received.headers().get("delivery"))
                    .doesNotHaveDuplicates();
            assertThat(slow.mostAtOnce()).as("tries at once to one destination: per-destination").isEqualTo(2);
            unsubscribe("sup-slow", slowOne);
            unsubscribe("sup-fast", fastOne);
        }
    }

    /** Watches the alert database's transactions for {@link #WATCH}: none may stay open {@link #SHORT}. */
    private void assertNoTransactionHeldOpenWhileWatching() {
        OpenTransactions.in(database).longestDuring(WATCH).ifPresent(longest ->
                assertThat(longest.openFor()).as("longest open while the receiver stalled: %s", longest)
                        .isLessThan(SHORT));
    }

    private List<String> tries(UUID subscription, String supervisor) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> details = new ArrayList<>();
            http.exchange("/api/subscriptions/" + subscription + "/deliveries", HttpMethod.GET,
                            new HttpEntity<>(as(supervisor, "supervisor", null, "Haishu")), JsonNode.class).getBody()
                    .forEach(delivery -> delivery.get("tries").forEach(attempt -> details.add(attempt.get("detail")
                            .asText())));
            return details;
        }, details -> !details.isEmpty());
    }

    private long deliveredToTheExchange(List<UUID> alerts) {
        return alerts.stream().filter(alert -> jdbc.queryForObject("SELECT count(*) FROM delivery WHERE alert_id = ? "
                + "AND subscription_id IS NULL AND status = 'delivered'", Long.class, alert) == 1).count();
    }

    private long raisedOnTheStream(EventStreamClient stream, List<UUID> alerts) {
        return stream.events().stream().filter(event -> "raised".equals(event.name()))
                .filter(event -> alerts.stream().anyMatch(alert -> event.data().contains(alert.toString()))).count();
    }

    private void unsubscribe(String supervisor, UUID subscription) {
        http.exchange("/api/subscriptions/" + subscription, HttpMethod.DELETE,
                new HttpEntity<>(as(supervisor, "supervisor", null, "Haishu")), Void.class);
    }

    private static SilentServer open() {
        try {
            return new SilentServer();
        } catch (IOException unavailable) {
            throw new IllegalStateException("no port for the silent mail server", unavailable);
        }
    }
}
