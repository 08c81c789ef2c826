package org.jianhu.alert.delivery;

import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * A claim is a lease: one that ran out (its worker crashed mid-try) is claimed again and delivered; one still
 * running is left to its holder; and an outcome under a lease another claim has since taken is not stored. The
 * crashed and the living workers are rows the test writes, as their claims would have left them.
 */
@TestPropertySource(properties = {"jianhu.delivery.poll-interval-ms=50", "jianhu.webhooks.allowed-hosts=127.0.0.1/32",
        "jianhu.webhooks.allow-http=true"})
class LeasesIT extends AlertIT {

    @Autowired
    RecordingOutcomes outcomes;

    @Test
    void aLeaseThatRanOutIsClaimedAgainAndALiveOneIsLeftUntilItEnds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            UUID subscription = subscribe("sup-lease", Map.of("project", "p-lease", "channel", "webhook",
                    "url", receiver.url(), "secret", "s"));
            UUID alert = anAlertNotToldToTheSubscription();
            UUID crashed = leased(subscription, alert, 1_000_001, "crashed-worker/1", "now() - interval '1 minute'");
            UUID alive = leased(subscription, alert, 1_000_002, "living-worker/1", "now() + interval '3 seconds'");
            Instant aliveUntil = leaseOf(alive);

            await().atMost(Duration.ofSeconds(10)).until(() -> arrivalOf(receiver, crashed) != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> arrivalOf(receiver, alive) != null);

            assertThat(arrivalOf(receiver, alive)).as("sent only once its lease had run out").isAfterOrEqualTo(aliveUntil);
            await().atMost(Duration.ofSeconds(5)).until(() -> "delivered".equals(statusOf(alive)));
            assertThat(statusOf(crashed)).isEqualTo("delivered");
            assertThat(attemptTimes(crashed)).hasSize(1);
            assertThat(attemptTimes(alive)).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE id IN (?, ?) AND (lease_until IS NOT NULL "
                    + "OR leased_by IS NOT NULL)", Long.class, crashed, alive)).as("leases end with the outcome").isZero();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> receiver.received().size() == 2);
        }
    }

    @Test
    void anOutcomeUnderALeaseAnotherClaimHasTakenSinceIsNotStored() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            UUID subscription = subscribe("sup-late", Map.of("project", "p-late", "channel", "webhook",
                    "url", receiver.url(), "secret", "s"));
            UUID alert = anAlertNotToldToTheSubscription();
            UUID retaken = leased(subscription, alert, 1_000_003, "stuck-worker/1", "now() - interval '1 minute'");
            await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(statusOf(retaken)));

            Delivery asTheStuckWorkerHadIt = new Delivery(retaken, subscription, "webhook", alert, 1_000_003, "pending", 0,
                    null, null, null, null, "k", "{}", List.of());
            outcomes.failed(asTheStuckWorkerHadIt, "stuck-worker/1", "timeout");

            assertThat(statusOf(retaken)).isEqualTo("delivered");
            assertThat(attemptTimes(retaken)).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT consecutive_failures FROM destination_breaker WHERE destination = ?",
                    Integer.class, subscription)).as("the late failure does not count against the receiver").isZero();
        }
    }

    /** An alert (of a project no subscription here follows), for the deliveries the test writes itself. */
    private UUID anAlertNotToldToTheSubscription() throws Exception {
        UUID signal = UUID.randomUUID();
        feed.publish(about(raised(signal, "p-nobody-follows", "RED"), "Haishu", "sup-li"));
        return awaitAlertOf(signal);
    }

    /** A pending, due delivery as a claim leaves it: leased by {@code worker} until {@code until} (SQL). */
    private UUID leased(UUID subscription, UUID alert, long position, String worker, String until) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO delivery (id, subscription_id, channel, alert_id, position, routing_key, payload, "
                + "status, next_attempt_at, lease_until, leased_by) VALUES (?, ?, 'webhook', ?, ?, 'k', "
                + "'{\"test\": \"lease\"}', 'pending', now(), " + until + ", ?)", id, subscription, alert, position,
                worker);
        return id;
    }

    private Instant leaseOf(UUID delivery) {
        return jdbc.queryForObject("SELECT lease_until FROM delivery WHERE id = ?", Timestamp.class, delivery)
                .toInstant();
    }

    private String statusOf(UUID delivery) {
        return jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, delivery);
    }

    private List<Instant> attemptTimes(UUID delivery) {
        return jdbc.queryForList("SELECT attempted_at FROM delivery_attempt WHERE delivery_id = ? ORDER BY id",
                Timestamp.class, delivery).stream().map(Timestamp::toInstant).toList();
    }

    /** When the delivery reached the receiver (the test machine's clock, as the database's), or null. */
    private static Instant arrivalOf(WebhookReceiver receiver, UUID delivery) {
        return receiver.accepted().stream().filter(received -> received.headers().get("delivery")
                .equals(delivery.toString())).map(WebhookReceiver.Received::arrivedAt).findFirst().orElse(null);
    }
}
