package org.jianhu.local;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker operations the services rely on (ConfirmingPublisher, the relays, the Spring AMQP
 * listeners with manual acks, alert-service's subscriber queues), done with the RabbitMQ client
 * against the embedded broker.
 */
class EmbeddedBrokerIT {

    @TempDir
    static Path dataDir;
    private static LocalInfrastructure infrastructure;
    private static ConnectionFactory factory;

    @BeforeAll
    static void startBroker() {
        int port = FreePorts.next();
        infrastructure = LocalInfrastructure.start(new Options(OptionalInt.empty(), OptionalInt.of(port), dataDir,
                List.of()));
        factory = new ConnectionFactory();
        factory.setHost("localhost");
        factory.setPort(port);
    }

    @AfterAll
    static void stopBroker() {
        infrastructure.close();
    }

    @Test
    void theRabbitClientDefaultsConnect() throws Exception {
        assertThat(factory.getUsername()).isEqualTo("guest");
        assertThat(factory.getVirtualHost()).isEqualTo("/");
        try (Connection connection = factory.newConnection("defaults")) {
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        ConnectionFactory wrong = factory.clone();
        wrong.setPassword("not-guest");
        assertThatThrownBy(() -> wrong.newConnection().close()).isInstanceOf(Exception.class);
    }

    @Test
    void aTopicExchangeRoutesByPatternToADurableBoundQueue() throws Exception {
        String exchange = unique("events");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(exchange, "topic", true, false, false, Map.of());
            String queue = channel.queueDeclare(unique("supervision"), true, false, false, Map.of()).getQueue();
            channel.queueBind(queue, exchange, "project.#");

            channel.basicPublish(exchange, "project.milestone.recorded", null, bytes("routed"));
            channel.basicPublish(exchange, "signal.raised", null, bytes("not routed"));

            GetResponse routed = await(channel, queue);
            assertThat(text(routed)).isEqualTo("routed");
            channel.basicAck(routed.getEnvelope().getDeliveryTag(), false);
            assertThat(channel.basicGet(queue, false)).isNull();
        }
    }

    @Test
    void publisherConfirmsCoverPersistentPublishes() throws Exception {
        String exchange = unique("confirmed");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.exchangeDeclare(exchange, "topic", true);
            String queue = channel.queueDeclare(unique("confirmed"), true, false, false, null).getQueue();
            channel.queueBind(queue, exchange, "#");
            AMQP.BasicProperties persistent = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
            for (int i = 0; i < 100; i++) {
                channel.basicPublish(exchange, "project.registered", persistent, bytes("event " + i));
            }

            channel.waitForConfirmsOrDie(10_000);

            assertThat(channel.getNextPublishSeqNo()).isEqualTo(101);
            assertThat(channel.messageCount(queue)).isEqualTo(100);
        }
    }

    @Test
    void publishingToAMissingExchangeFailsTheConfirmingChannel() throws Exception {
        try (Connection connection = factory.newConnection()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicPublish(unique("missing"), "project.registered", null, bytes("lost"));

            assertThatThrownBy(() -> channel.waitForConfirmsOrDie(10_000)).hasMessageContaining("reply-code=404");
            assertThat(channel.isOpen()).isFalse();
        }
    }

    @Test
    void headersAndPropertiesArriveAsPublished() throws Exception {
        String exchange = unique("headers");
        Date recordedAt = new Date(1_700_000_000_000L);
        AMQP.BasicProperties sent = new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).messageId("event-1").type("MilestoneRecorded")
                .timestamp(recordedAt)
                .headers(Map.of("jianhu-event-id", "event-1", "jianhu-sequence-number", 7L,
                        "jianhu-global-position", 12345678901L, "jianhu-envelope-version", 1))
                .build();
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(exchange, "topic", true);
            String queue = channel.queueDeclare(unique("headers"), true, false, false, null).getQueue();
            channel.queueBind(queue, exchange, "#");
            channel.basicPublish(exchange, "project.milestone", sent, bytes("{}"));

            AMQP.BasicProperties received = await(channel, queue).getProps();

            assertThat(received.getContentType()).isEqualTo("application/json");
            assertThat(received.getDeliveryMode()).isEqualTo(2);
            assertThat(received.getMessageId()).isEqualTo("event-1");
            assertThat(received.getType()).isEqualTo("MilestoneRecorded");
            assertThat(received.getTimestamp()).isEqualTo(recordedAt);
            assertThat(received.getHeaders().get("jianhu-event-id")).hasToString("event-1");
            assertThat(received.getHeaders()).containsEntry("jianhu-sequence-number", 7L)
                    .containsEntry("jianhu-global-position", 12345678901L)
                    .containsEntry("jianhu-envelope-version", 1);
        }
    }

    @Test
    void aNackedDeliveryComesBackMarkedRedelivered() throws Exception {
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = queueWith(channel, "retried");
            channel.basicQos(50);
            BlockingQueue<com.rabbitmq.client.Delivery> deliveries = new LinkedBlockingQueue<>();
            channel.basicConsume(queue, false, (tag, delivery) -> deliveries.add(delivery), tag -> { });

            com.rabbitmq.client.Delivery first = deliveries.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.getEnvelope().isRedeliver()).isFalse();
            channel.basicNack(first.getEnvelope().getDeliveryTag(), false, true);

            com.rabbitmq.client.Delivery again = deliveries.poll(10, TimeUnit.SECONDS);
            assertThat(again).isNotNull();
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
            assertThat(text(again.getBody())).isEqualTo("payload");
            channel.basicAck(again.getEnvelope().getDeliveryTag(), false);
            assertThat(deliveries.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aDeliveryNackedAgainAndAgainKeepsComingBack() throws Exception {
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = queueWith(channel, "stubborn");
            for (int attempt = 0; attempt < 5; attempt++) {
                channel.basicNack(await(channel, queue).getEnvelope().getDeliveryTag(), false, true);
            }
            channel.basicAck(await(channel, queue).getEnvelope().getDeliveryTag(), false);
        }
    }

    @Test
    void anUnackedDeliveryReturnsEveryTimeItsConsumerDies() throws Exception {
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = queueWith(channel, "unacked");
            for (int crash = 0; crash < 3; crash++) {
                try (Connection crashing = factory.newConnection()) {
                    Channel consumer = crashing.createChannel();
                    BlockingQueue<com.rabbitmq.client.Delivery> deliveries = new LinkedBlockingQueue<>();
                    consumer.basicConsume(queue, false, (tag, delivery) -> deliveries.add(delivery), tag -> { });
                    assertThat(deliveries.poll(10, TimeUnit.SECONDS)).as("delivery after %d crashes", crash).isNotNull();
                }
            }

            GetResponse again = await(channel, queue);
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
            channel.basicAck(again.getEnvelope().getDeliveryTag(), false);
        }
    }

    @Test
    void aRejectedDeliveryWithoutRequeueIsDropped() throws Exception {
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = queueWith(channel, "rejected");
            channel.basicReject(await(channel, queue).getEnvelope().getDeliveryTag(), false);
            assertThat(channel.basicGet(queue, false)).isNull();
        }
    }

    @Test
    void queuesAreDeclaredPassivelyAndDeletedAsSpringAmqpDoes() throws Exception {
        try (Connection connection = factory.newConnection()) {
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare(unique("subscriber"), true, false, false, null).getQueue();
            assertThat(channel.queueDeclarePassive(queue).getQueue()).isEqualTo(queue);
            channel.queueDelete(queue);
            assertThatThrownBy(() -> channel.queueDeclarePassive(queue)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aRedeclarationWithTheSameArgumentsIsAccepted() throws Exception {
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String exchange = unique("again");
            String queue = unique("again");
            for (int i = 0; i < 2; i++) {
                channel.exchangeDeclare(exchange, "topic", true, false, false, Map.of());
                channel.queueDeclare(queue, true, false, false, Map.of());
                channel.queueBind(queue, exchange, "signal.#");
            }
        }
    }

    @Test
    void rabbitOnlyQueueArgumentsAreAcceptedAndIgnored() throws Exception {
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare(unique("quorum"), true, false, false, Map.of(
                    "x-queue-type", "quorum", "x-delivery-limit", 5, "x-dead-letter-exchange", "dead")).getQueue();
            channel.basicPublish("", queue, null, bytes("payload"));
            assertThat(text(await(channel, queue))).isEqualTo("payload");
        }
    }

    @Test
    void aSecondBrokerOnTheSamePortFailsToStart(@TempDir Path otherDir) {
        int port = factory.getPort();
        assertThatThrownBy(() -> LocalInfrastructure.start(
                new Options(OptionalInt.empty(), OptionalInt.of(port), otherDir, List.of())))
                .isInstanceOf(EngineFailure.class).hasMessageContaining(String.valueOf(port));
    }

    private static String queueWith(Channel channel, String prefix) throws IOException {
        String queue = channel.queueDeclare(unique(prefix), true, false, false, null).getQueue();
        channel.basicPublish("", queue, null, bytes("payload"));
        return queue;
    }

    private static GetResponse await(Channel channel, String queue) {
        return Awaitility.await("a message on " + queue).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> channel.basicGet(queue, false), Objects::nonNull);
    }

    private static String unique(String prefix) {
        return "ltrial." + prefix + "." + UUID.randomUUID();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(GetResponse response) {
        return text(response.getBody());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
