package org.jianhu.project.integrity;

import org.jianhu.project.integrity.publishing.CheckpointExchange;
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
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes silent while signed checkpoints wait to be published: the publisher waits for its confirms with
 * no transaction of this database open, and once they flow every checkpoint reaches the exchange. The relay is left
 * out, so the checkpoints are the only thing waiting on the broker.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jianhu.relay.enabled=false", "jianhu.integrity.checkpoint-interval=1s",
        "jianhu.integrity.confirm-timeout=5s", "jianhu.integrity.key-file=target/integrity-keys/${random.uuid}.pem"})
class CheckpointPublishingStallIT {

    private static final TcpProxy broker = TcpProxy.toRabbit();

    @DynamicPropertySource
    static void publishThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", broker::port);
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
    JdbcTemplate jdbc;

    @Test
    void aStalledBrokerHoldsNoTransactionOpenAndEveryCheckpointIsPublishedOnceItConfirms() throws Exception {
        Api admin = new Api(port, "admin-chen", "admin", null, null);
        try (BoundQueue published = BoundQueue.bind(CheckpointExchange.name(amqpPrefix), CheckpointExchange.ROUTING_KEY)) {
            admin.register("CKPT-1", "Haishu");
            await().atMost(Duration.ofSeconds(30)).until(() -> !published.received().isEmpty());

            broker.stall();
            admin.register("CKPT-2", "Haishu");
            await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() > 0);
            OpenTransactions.in(database).longestDuring(Duration.ofSeconds(8)).ifPresent(longest ->
                    assertThat(longest.openFor()).as("longest open while the broker stalled: %s", longest)
                            .isLessThan(Duration.ofSeconds(1)));
            assertThat(unpublished()).isPositive();

            broker.resume();
            await().atMost(Duration.ofSeconds(60)).until(() -> unpublished() == 0);
            Set<String> sizes = Set.copyOf(jdbc.queryForList("SELECT CAST(tree_size AS text) FROM integrity_checkpoint",
                    String.class));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published.received().stream()
                    .map(message -> message.properties().getMessageId().replaceAll(".*/", ""))
                    .collect(Collectors.toSet())).containsAll(sizes));
        }
    }

    private long unpublished() {
        return jdbc.queryForObject("SELECT count(*) FROM integrity_checkpoint WHERE NOT published", Long.class);
    }
}
