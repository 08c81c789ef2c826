package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.jianhu.alert.support.AlertIT;
import org.jianhu.testsupport.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/** A queue-subscription's own durable queue holds, for any AMQP client, the alert changes its filter matches. */
@TestPropertySource(properties = "jianhu.delivery.poll-interval-ms=50")
class QueueDeliveryIT extends AlertIT {

    @Test
    void theSubscribersQueueGetsTheMatchingAlertAndNotTheOthers() throws Exception {
        UUID subscription = subscribe("sup-queue", Map.of("region", "Haishu", "level", "RED", "channel", "queue"));
        String queue = amqpPrefix + ".alerts.subscriber." + subscription;
        UUID matching = UUID.randomUUID();
        feed.publish(about(raised(matching, "p-queue", "RED"), "Haishu", "sup-li"),
                about(raised(UUID.randomUUID(), "p-queue-yellow", "YELLOW"), "Haishu", "sup-li"),
                about(raised(UUID.randomUUID(), "p-queue-beilun", "RED"), "Beilun", "sup-li"));

        List<GetResponse> read = new CopyOnWriteArrayList<>();
        try (Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("supervisor-client");
             Channel channel = connection.createChannel()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> take(channel, queue, read) == 1);
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                    .until(() -> take(channel, queue, read) == 1);
        }
        JsonNode notice = json.readTree(read.get(0).getBody());
        assertThat(notice.get("alertId").asText()).isEqualTo(alertOf(matching).toString());
        assertThat(read.get(0).getEnvelope().getRoutingKey()).isEqualTo("alert.red.Haishu.R01.p-queue");
        assertThat(read.get(0).getProps().getDeliveryMode()).isEqualTo(2);
    }

    private static int take(Channel channel, String queue, List<GetResponse> read) throws Exception {
        for (GetResponse next = channel.basicGet(queue, true); next != null; next = channel.basicGet(queue, true)) {
            read.add(next);
        }
        return read.size();
    }
}
