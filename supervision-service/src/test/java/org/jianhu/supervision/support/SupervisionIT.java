package org.jianhu.supervision.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

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

    protected ProjectEventsFeed feed;

    @BeforeEach
    void feedTheExchange() {
        feed = new ProjectEventsFeed(json, amqpPrefix);
    }

    /** The body of a GET that must answer 200. */
    protected JsonNode get(String path) throws Exception {
        ResponseEntity<String> answer = http.getForEntity(path, String.class);
        assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    protected String level(String projectId) {
        return jdbc.queryForList("SELECT level FROM risk_project WHERE project_id = ?", String.class, projectId)
                .stream().findFirst().orElse(null);
    }

    protected long outboxRows(String projectId) {
        return jdbc.queryForObject("SELECT count(*) FROM signal_outbox WHERE project_id = ?", Long.class, projectId);
    }
}
