package org.jianhu.alert.support;

import org.jianhu.testsupport.MovableClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on real PostgreSQL and RabbitMQ (a database and AMQP names per test class), fed through
 * the risk-signals exchange, on a clock the test moves.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AlertIT.MovableTime.class)
public abstract class AlertIT {

    public static final Instant START = Instant.parse("2026-03-01T02:00:00Z");

    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected MovableClock clock;
    @Value("${jianhu.amqp.prefix}")
    protected String amqpPrefix;

    protected SignalFeed feed;

    @BeforeEach
    void feedTheExchange() {
        feed = new SignalFeed(json, amqpPrefix);
        clock.set(START);
    }

    protected UUID awaitAlertOf(UUID signalId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> alertOf(signalId) != null);
        return alertOf(signalId);
    }

    protected UUID alertOf(UUID signalId) {
        return jdbc.queryForList("SELECT id FROM alert WHERE signal_id = ?", UUID.class, signalId).stream()
                .findFirst().orElse(null);
    }

    /** The reader's X-Jianhu-* headers, organisation optional. */
    protected static HttpHeaders as(String user, String role, String organisation) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Jianhu-User", user);
        headers.set("X-Jianhu-Role", role);
        if (organisation != null) {
            headers.set("X-Jianhu-Organisation", organisation);
        }
        return headers;
    }

    /** Subscribes {@code supervisor} and answers the new subscription's id. */
    protected UUID subscribe(String supervisor, Map<String, ?> request) {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/subscriptions",
                new HttpEntity<>(request, as(supervisor, "supervisor", null)), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    protected long steps(UUID alertId) {
        return jdbc.queryForObject("SELECT count(*) FROM alert_event WHERE alert_id = ?", Long.class, alertId);
    }

    @TestConfiguration
    public static class MovableTime {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START, ZoneId.of("Asia/Shanghai"));
        }
    }
}
