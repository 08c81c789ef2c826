package org.jianhu.project.relay;

import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.project.support.Api;
import org.jianhu.testsupport.BoundQueue;
import org.jianhu.testsupport.OpenTransactions;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes silent (no confirm comes, nothing is closed): the relay waits on it with no transaction of this
 * database open, so the event store's readers are not held, and once confirms flow again every event arrives. And
 * it keeps its position where the tracking processor kept it, so an upgrade sends no history again.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayStallIT {

    private static final TcpProxy broker = TcpProxy.toRabbit();

    @DynamicPropertySource
    static void relayThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", broker::port);
        // longer than the watch below takes to see a transaction held open through it
        registry.add("jianhu.relay.confirm-timeout-ms", () -> "5000");
    }

    @AfterAll
    static void closeProxy() {
        broker.close();
    }

    @LocalServerPort
    int port;
    @Value("${jianhu.amqp.prefix}")
    String amqpPrefix;
    @Value("${jianhu.test.database}")
    String database;
    @Autowired
    RabbitRelay relay;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStalledBrokerHoldsNoTransactionOpenAndEveryEventArrivesOnceItConfirms() throws Exception {
        Api admin = new Api(port, "admin-chen", "admin", null, null);
        Api owner = new Api(port, "owner-wang", "owner", "owner-org", null);
        try (BoundQueue queue = BoundQueue.bind(ProjectEventsExchange.name(amqpPrefix), "project.#")) {
            String projectId = admin.register("STALL-1", "Haishu");
            await().atMost(Duration.ofSeconds(20)).until(() -> messageIds(queue).size() == 1);

            broker.stall();
            for (int i = 1; i <= 10; i++) {
                assertThat(owner.post("/api/projects/" + projectId + "/progress",
                        "{\"physicalProgress\": %d, \"date\": \"2025-03-01\"}".formatted(i)).status()).isEqualTo(200);
            }
            OpenTransactions.in(database).longestDuring(Duration.ofSeconds(8)).ifPresent(longest ->
                    assertThat(longest.openFor()).as("longest open while the broker stalled: %s", longest)
                            .isLessThan(Duration.ofSeconds(1)));
            assertThat(messageIds(queue)).hasSize(1);

            broker.resume();
            Set<String> stored = StreamSupport.stream(
                            owner.get("/api/projects/" + projectId + "/history").json().spliterator(), false)
                    .map(event -> event.get("eventId").asText())
                    .collect(Collectors.toSet());
            assertThat(stored).hasSize(11);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messageIds(queue)).isEqualTo(stored));
            List<BoundQueue.Delivery> deliveries = queue.received();
            assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.properties().getHeaders()
                    .get(ProjectEventsExchange.HEADER_EVENT_ID).toString())
                    .isEqualTo(delivery.properties().getMessageId()));
        }
    }

    @Test
    void theRelayGoesOnFromTheTokenRowTheTrackingProcessorKeptAndSendsNothingTwice() throws Exception {
        Api admin = new Api(port, "admin-chen", "admin", null, null);
        try (BoundQueue queue = BoundQueue.bind(ProjectEventsExchange.name(amqpPrefix), "project.#")) {
            admin.register("RESUME-1", "Haishu");
            await().atMost(Duration.ofSeconds(20)).until(() -> messageIds(queue).size() == 1);
            relay.stop();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = 'rabbit-relay' "
                    + "AND segment = 0 AND owner IS NULL", Long.class)).as("released on stop").isEqualTo(1);

            admin.register("RESUME-2", "Haishu");
            relay.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> messageIds(queue).size() == 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> queue.received().size() == 2);
            assertThat(jdbc.queryForObject("SELECT owner FROM token_entry WHERE processor_name = 'rabbit-relay'",
                    String.class)).isNotNull();
        }
    }

    private static Set<String> messageIds(BoundQueue queue) {
        return queue.received().stream().map(delivery -> delivery.properties().getMessageId())
                .collect(Collectors.toSet());
    }
}
