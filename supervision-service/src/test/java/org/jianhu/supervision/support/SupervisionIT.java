package org.jianhu.supervision.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.RealInfrastructure;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on real PostgreSQL and RabbitMQ (a database and AMQP names per test class), judging
 * projects with the test rule {@link PaidTooMuch}, fed through the project-events exchange.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestRiskConfiguration.class)
public abstract class SupervisionIT {

    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TestRestTemplate http;
    @Value("${jianhu.amqp.prefix}")
    protected String amqpPrefix;
    @LocalManagementPort
    protected int managementPort;

    protected ProjectEventsFeed feed;

    /** What the management port (health details, metrics) answers at this path. */
    protected String actuator(String path) {
        return new TestRestTemplate().getForObject("http://127.0.0.1:" + managementPort + path, String.class);
    }

    @BeforeEach
    void feedTheExchange() {
        feed = new ProjectEventsFeed(json, amqpPrefix);
    }

    /** The body of a GET, read by an auditor (who may read every project), that must answer 200. */
    protected JsonNode get(String path) throws Exception {
        return get(path, auditor());
    }

    /** The body of a GET by {@code caller} that must answer 200. */
    protected JsonNode get(String path, HttpHeaders caller) throws Exception {
        ResponseEntity<String> answer = call(HttpMethod.GET, path, null, caller);
        assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    /** The items of the first page of a list, read by an auditor. */
    protected JsonNode items(String path) throws Exception {
        return items(path, auditor());
    }

    /** The items of the first page of a list that {@code caller} reads (enough for a test's few). */
    protected JsonNode items(String path, HttpHeaders caller) throws Exception {
        JsonNode page = get(path, caller);
        assertThat(page.get("next").isNull()).as(path + " fits on one page").isTrue();
        return page.get("items");
    }

    /** Whatever the service answers {@code caller}; a body is sent as JSON. */
    protected ResponseEntity<String> call(HttpMethod method, String path, String body, HttpHeaders caller) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(caller);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** Headers as the gateway signs them; organisation and region may be null. */
    protected static HttpHeaders signed(String user, String role, String organisation, String region) {
        HttpHeaders headers = new HttpHeaders();
        TestIdentity.headers(user, role, organisation, region).forEach(headers::set);
        return headers;
    }

    protected static HttpHeaders auditor() {
        return signed("auditor-qian", "auditor", "audit-office", null);
    }

    protected static HttpHeaders admin() {
        return signed("admin-chen", "admin", null, null);
    }

    protected static void assertProblem(ResponseEntity<String> answer, int status, String type) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        assertThat(answer.getBody()).contains("urn:jianhu:problem:" + type);
    }

    /**
     * Declares supervision's queue of project events again, as a queue of {@code type}: the broker's refusal
     * (PRECONDITION_FAILED when the queue it holds is of another type), or null when it took it.
     */
    protected String redeclaringTheQueueAs(String type) throws Exception {
        try (Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("jianhu-test-queue")) {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclare(amqpPrefix + ".supervision.project-events", true, false, false,
                        Map.of("x-queue-type", type));
                channel.close();
                return null;
            } catch (IOException refused) {
                return refused.getCause().getMessage();
            }
        }
    }

    protected String level(String projectId) {
        return jdbc.queryForList("SELECT level FROM risk_project WHERE project_id = ?", String.class, projectId)
                .stream().findFirst().orElse(null);
    }

    protected long outboxRows(String projectId) {
        return jdbc.queryForObject("SELECT count(*) FROM signal_outbox WHERE project_id = ?", Long.class, projectId);
    }
}
