package org.jianhu.supervision.signal;

import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.supervision.support.SupervisionIT;
import org.jianhu.testsupport.BoundQueue;
import org.jianhu.testsupport.OpenTransactions;
import org.jianhu.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/**
 * The broker goes silent while signal changes wait in the outbox: the relay waits for its confirms with no
 * transaction of supervision's database open, and once they flow every change is published, none lost.
 */
class SignalRelayStallIT extends SupervisionIT {

    private static final TcpProxy broker = TcpProxy.toRabbit();

    @DynamicPropertySource
    static void brokerThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", broker::port);
        // longer than the watch below takes to see a transaction held open through it
        registry.add("jianhu.signal-relay.confirm-timeout-ms", () -> "5000");
    }

    @AfterAll
    static void closeProxy() {
        broker.close();
    }

    @Value("${jianhu.test.database}")
    String database;

    @Test
    void aStalledBrokerHoldsNoTransactionOpenAndEverySignalChangeIsPublishedOnceItConfirms() throws Exception {
        try (BoundQueue signals = BoundQueue.bind(RiskSignalChanged.exchange(amqpPrefix), "signal.#")) {
            feed.publish(feed.envelope(1000, 0, registered("p-stall", "Haishu")),
                    feed.envelope(1000, 1, payment("p-stall", "t-1", "700000.00")));
            await().atMost(Duration.ofSeconds(20)).until(() -> signals.received().size() == 1);

            broker.stall();
            // the thresholds change over HTTP, so the signal escalates without a delivery through the stalled broker
            assertThat(call(HttpMethod.PUT, "/api/risk/rules/T01", "{\"redAmount\": 600000}", admin())
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(outboxRows("p-stall")).isEqualTo(2);
            OpenTransactions.in(database).longestDuring(Duration.ofSeconds(8)).ifPresent(longest ->
                    assertThat(longest.openFor()).as("longest open while the broker stalled: %s", longest)
                            .isLessThan(Duration.ofSeconds(1)));
            assertThat(signals.received()).hasSize(1);

            broker.resume();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(messageIds(signals)).isEqualTo(outboxIds("p-stall")));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM signal_outbox WHERE published_at IS NULL", Long.class) == 0);
            assertThat(signals.received()).extracting(BoundQueue.Delivery::routingKey)
                    .startsWith("signal.yellow.T01").contains("signal.red.T01");
        }
    }

    @Test
    void oneInstanceRelaysAtATimeAndAnotherTakesOverOnceTheLeaseRunsOut() {
        await().atMost(Duration.ofSeconds(10)).until(() -> leaseHolders() == 1);
        SignalRelayLease another = new SignalRelayLease(jdbc, Duration.ofSeconds(30));
        assertThat(another.take()).as("taken while the service holds it").isFalse();

        // the service's relay may renew between the two, every half second: then it runs out again
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            jdbc.update("UPDATE signal_relay_lease SET held_until = clock_timestamp() - interval '1 second'");
            return another.take();
        });
        assertThat(another.take()).as("renewed by its holder").isTrue();
        another.release();

        await().atMost(Duration.ofSeconds(10)).until(() -> leaseHolders() == 1);
        assertThat(another.take()).isFalse();
    }

    private long leaseHolders() {
        return jdbc.queryForObject("SELECT count(*) FROM signal_relay_lease WHERE held_until > clock_timestamp()",
                Long.class);
    }

    private Set<String> outboxIds(String projectId) {
        return Set.copyOf(jdbc.queryForList("SELECT id::text FROM signal_outbox WHERE project_id = ?", String.class,
                projectId));
    }

    private static Set<String> messageIds(BoundQueue queue) {
        return queue.received().stream().map(delivery -> delivery.properties().getMessageId())
                .collect(Collectors.toSet());
    }
}
