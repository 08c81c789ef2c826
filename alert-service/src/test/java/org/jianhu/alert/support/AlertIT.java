package org.jianhu.alert.support;

import org.jianhu.testsupport.MovableClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
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
import java.util.Arrays;
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
    @LocalManagementPort
    protected int managementPort;

    protected SignalFeed feed;

    /** What the management port (health details, metrics) answers at this path. */
    protected String actuator(String path) {
        return new TestRestTemplate().getForObject("http://127.0.0.1:" + managementPort + path, String.class);
    }

    /** The value of the meter on the management port's Prometheus page whose line starts so and holds the tag. */
    protected double metric(String name, String tag) {
        String metrics = actuator("/actuator/prometheus");
        return Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith(name) && line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " " + tag + " among "
                        + Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith("jianhu")).toList()));
    }

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

    /** The caller's identity headers as the gateway signs them (organisation and region may be null), for JSON. */
    protected static HttpHeaders as(String user, String role, String organisation, String region) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestIdentity.headers(user, role, organisation, region).forEach(headers::set);
        return headers;
    }

    /** An auditor, who may read every alert. */
    protected static HttpHeaders auditor() {
        return as("aud-sun", "auditor", null, null);
    }

    /** Subscribes {@code supervisor} of Haishu and answers the new subscription's id. */
    protected UUID subscribe(String supervisor, Map<String, ?> request) {
        return subscribe(supervisor, "Haishu", request);
    }

    protected UUID subscribe(String supervisor, String region, Map<String, ?> request) {
        ResponseEntity<JsonNode> created = http.postForEntity("/api/subscriptions",
                new HttpEntity<>(request, as(supervisor, "supervisor", null, region)), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    /** Takes the step on the alert as {@code actor}. */
    protected ResponseEntity<JsonNode> post(UUID alert, String step, HttpHeaders actor, Map<String, ?> body) {
        return http.postForEntity("/api/alerts/" + alert + "/" + step, new HttpEntity<>(body, actor), JsonNode.class);
    }

    protected static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem+json, not " + response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody().get("type").asText()).isEqualTo(type);
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
