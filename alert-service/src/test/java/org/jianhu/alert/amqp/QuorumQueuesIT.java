package org.jianhu.alert.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.QueueTypes.redeclaresAs;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/** With jianhu.amqp.queue-type=quorum the signal queue and every subscriber queue are quorum queues, and work. */
@TestPropertySource(properties = {"jianhu.amqp.queue-type=quorum", "jianhu.delivery.poll-interval-ms=50"})
class QuorumQueuesIT extends AlertIT {

    @Test
    void theSignalQueueAndASubscribersQueueAreQuorumQueuesThatCarryAlerts() throws Exception {
        UUID subscription = subscribe("sup-quorum", Map.of("level", "RED", "channel", "queue"));
        String subscriberQueue = amqpPrefix + ".alerts.subscriber." + subscription;
        String signalQueue = amqpPrefix + ".alerts.risk-signals";

        for (String queue : new String[] {signalQueue, subscriberQueue}) {
            assertThat(redeclaresAs(queue, "classic")).as(queue + " as classic").isFalse();
            assertThat(redeclaresAs(queue, "quorum")).as(queue + " as quorum").isTrue();
        }

        UUID signal = UUID.randomUUID();
        feed.publish(about(raised(signal, "p-quorum", "RED"), "Haishu", "sup-li"));
        UUID alert = awaitAlertOf(signal);
        AtomicReference<GetResponse> notice = new AtomicReference<>();
        try (Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("supervisor-client");
             Channel channel = connection.createChannel()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                notice.compareAndSet(null, channel.basicGet(subscriberQueue, true));
                return notice.get() != null;
            });
        }
        assertThat(json.readTree(notice.get().getBody()).get("alertId").asText()).isEqualTo(alert.toString());
    }
}
