package org.jianhu.project.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.project.support.Api;
import org.jianhu.testsupport.BoundQueue;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker goes away: owners keep recording, and every event arrives once it is back. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TcpProxy brokerLink = new TcpProxy(Infrastructure.rabbit().host(),
            Infrastructure.rabbit().port());

    @DynamicPropertySource
    static void relayThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", brokerLink::port);
        registry.add("jianhu.relay.confirm-timeout-ms", () -> "2000");
    }

    @AfterAll
    static void closeProxy() {
        brokerLink.close();
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Value("${jianhu.amqp.prefix}")
    String amqpPrefix;

    @Test
    void commandsSucceedWhileTheBrokerIsDownAndEveryEventArrivesWhenItReturns() throws Exception {
        Api admin = new Api(port, "admin-chen", "admin", null, null);
        Api owner = new Api(port, "owner-wang", "owner", "owner-org", null);
        try (BoundQueue queue = BoundQueue.bind(ProjectEventsExchange.name(amqpPrefix), "project.#")) {
            String projectId = admin.register("OUT-1", "Haishu");
            await().atMost(Duration.ofSeconds(20)).until(() -> eventIds(queue).size() == 1);

            brokerLink.cut();
            for (int i = 1; i <= 20; i++) {
                Api.Response recorded = owner.post("/api/projects/" + projectId + "/progress",
                        "{\"physicalProgress\": %d, \"date\": \"2025-03-01\"}".formatted(i));
                assertThat(recorded.status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> "DOWN".equals(relayHealth()));
            assertThat(eventIds(queue)).hasSize(1);

            brokerLink.restore();

            Set<String> stored = StreamSupport.stream(
                            owner.get("/api/projects/" + projectId + "/history").json().spliterator(), false)
                    .map(event -> event.get("eventId").asText())
                    .collect(Collectors.toSet());
            assertThat(stored).hasSize(21);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(eventIds(queue)).isEqualTo(stored));
            await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(relayHealth()));
            assertThat(sequenceNumbers(queue)).containsAll(List.of(0L, 10L, 20L));
        }
    }

    private String relayHealth() {
        JsonNode health = Api.anonymous(managementPort).get("/actuator/health").json();
        return health.at("/components/relay/status").asText();
    }

    private static Set<String> eventIds(BoundQueue queue) {
        return queue.received().stream().map(delivery -> delivery.properties().getMessageId())
                .collect(Collectors.toSet());
    }

    private static Set<Long> sequenceNumbers(BoundQueue queue) {
        Set<Long> numbers = new HashSet<>();
        for (BoundQueue.Delivery delivery : queue.received()) {
            try {
                numbers.add(JSON.readTree(delivery.body()).get("sequenceNumber").asLong());
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        return numbers;
    }
}
