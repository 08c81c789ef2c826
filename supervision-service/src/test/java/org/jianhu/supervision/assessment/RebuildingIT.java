package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.SupervisionApplication;
import org.jianhu.supervision.support.HistoryStub;
import org.jianhu.supervision.support.ProjectEventsFeed;
import org.jianhu.supervision.support.SupervisionIT;
import org.jianhu.supervision.support.TestRiskConfiguration;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.jianhu.testsupport.RabbitBroker;
import org.jianhu.testsupport.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.cancelled;
import static org.jianhu.supervision.support.ProjectEventsFeed.payment;
import static org.jianhu.supervision.support.ProjectEventsFeed.reassigned;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** The views can be folded afresh from the project service's log; only real differences become signal changes. */
class RebuildingIT extends SupervisionIT {

    private static final HistoryStub projectService = new HistoryStub();

    @DynamicPropertySource
    static void logFromTheStub(DynamicPropertyRegistry registry) {
        registry.add("jianhu.project-service.url", projectService::url);
        registry.add("jianhu.rebuild.page-size", () -> "2");
    }

    @AfterAll
    static void stopStub() {
        projectService.close();
    }

    @BeforeEach
    void anEmptyLog() {
        projectService.clear();
    }

    @Test
    void aRebuildRestoresDamagedFactsAndAddsProjectsNeverDelivered() throws Exception {
        EventEnvelope[] delivered = {feed.envelope(1000, 0, registered("p-seen", "Haishu")),
                feed.envelope(1000, 1, payment("p-seen", "t-1", "1200000.00"))};
        EventEnvelope[] neverDelivered = {feed.envelope(2000, 0, registered("p-unseen", "Haishu")),
                feed.envelope(2000, 1, payment("p-unseen", "t-1", "700000.00")),
                feed.envelope(2000, 2, payment("p-unseen", "t-2", "10.00"))};
        projectService.holds("p-seen", delivered);
        projectService.holds("p-unseen", neverDelivered);
        feed.publish(delivered);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows("p-seen") == 1);
        jdbc.update("UPDATE risk_project SET facts = jsonb_set(facts, '{applied}', '[]') WHERE project_id = 'p-seen'");

        JsonNode progress = awaitDone(startRebuild());

        assertThat(progress.get("status").asText()).isEqualTo("done");
        assertThat(progress.get("eventsRead").asLong()).isEqualTo(5);
        assertThat(progress.get("projectsRebuilt").asInt()).isEqualTo(2);
        assertThat(progress.get("requestedBy").asText()).isEqualTo("admin-chen");
        assertThat(projectService.callers()).containsExactly(CallerIdentity.service("supervision-service"));
        assertThat(jdbc.queryForObject("SELECT facts -> 'applied' FROM risk_project WHERE project_id = 'p-seen'",
                String.class)).isEqualTo("[1000, 1001]");
        assertThat(outboxRows("p-seen")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT level || ' ' || next_sequence || ' ' || region FROM risk_project "
                + "WHERE project_id = 'p-unseen'", String.class)).isEqualTo("YELLOW 3 Haishu");
        assertThat(outboxRows("p-unseen")).isEqualTo(1);
    }

    @Test
    void aRebuildRestatesSignalsOnlyWhereTheStoredProjectDetailsWereWrong() throws Exception {
        EventEnvelope[] delivered = {feed.envelope(5000, 0, registered("p-rota", "Haishu")),
                feed.envelope(5000, 1, payment("p-rota", "t-1", "1200000.00")),
                feed.envelope(5000, 2, reassigned("p-rota", List.of("sup-li"), "sup-li", "sup-wang"))};
        projectService.holds("p-rota", delivered);
        feed.publish(delivered);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows("p-rota") == 2);

        assertThat(awaitDone(startRebuild()).get("status").asText()).isEqualTo("done");
        assertThat(outboxRows("p-rota")).isEqualTo(2);

        jdbc.update("UPDATE risk_project SET facts = jsonb_set(facts, '{supervisors}', '[\"sup-li\"]') "
                + "WHERE project_id = 'p-rota'");
        assertThat(awaitDone(startRebuild()).get("status").asText()).isEqualTo("done");
        assertThat(jdbc.queryForList("SELECT change_type || ' ' || (payload -> 'supervisors')::text FROM signal_outbox "
                + "WHERE project_id = 'p-rota' ORDER BY position", String.class)).containsExactly(
                "raised [\"sup-li\"]", "restated [\"sup-li\", \"sup-wang\"]", "restated [\"sup-li\", \"sup-wang\"]");
    }

    /**
     * The log ends with the first half of every project's events; the second half is delivered live
     * while the rebuild is held half-way through the log. A second service builds its database live.
     */
    @Test
    void aRebuildDuringLiveDeliveriesEndsInTheViewsALiveBuildHas() throws Exception {
        List<List<EventEnvelope>> firstHalves = new ArrayList<>();
        List<List<EventEnvelope>> secondHalves = new ArrayList<>();
        for (int project = 1; project <= 4; project++) {
            String id = "p-eq-" + project;
            List<ProjectEvent> events = List.of(registered(id, project % 2 == 0 ? "Haishu" : "Yinzhou"),
                    payment(id, "t-1", "400000.00"), payment(id, "t-2", "300000.00"),
                    payment(id, "t-3", project == 3 ? "10.00" : "500000.00"),
                    project == 4 ? cancelled(id) : payment(id, "t-4", "20.00"));
            List<EventEnvelope> first = new ArrayList<>();
            List<EventEnvelope> second = new ArrayList<>();
            for (int sequence = 0; sequence < events.size(); sequence++) {
                // the later events were committed after the whole first half: higher global positions
                long base = sequence < 3 ? 10_000 + 100L * project : 20_000 + 100L * project;
                (sequence < 3 ? first : second).add(feed.envelope(base, sequence, events.get(sequence)));
            }
            firstHalves.add(first);
            secondHalves.add(second);
            projectService.holds(id, first.toArray(EventEnvelope[]::new));
        }
        List<EventEnvelope> all = new ArrayList<>();
        firstHalves.forEach(all::addAll);
        secondHalves.forEach(all::addAll);

        try (ConfigurableApplicationContext liveBuilt = secondService()) {
            String livePrefix = liveBuilt.getEnvironment().getProperty("jianhu.amqp.prefix");
            new ProjectEventsFeed(json, livePrefix).publish(all.toArray(EventEnvelope[]::new));
            JdbcTemplate liveJdbc = liveBuilt.getBean(JdbcTemplate.class);

            publishAll(firstHalves);
            await().atMost(Duration.ofSeconds(20)).until(() -> appliedThrough(jdbc, "p-eq-%", 2) == 4);
            jdbc.update("UPDATE risk_project SET facts = jsonb_set(facts, '{applied}', '[]'), level = 'GREEN' "
                    + "WHERE project_id = 'p-eq-1'");

            projectService.logEndsAt(19_999);
            CountDownLatch halfWay = projectService.holdLogRequest(3);
            UUID rebuild = startRebuild();
            for (int project = 1; project <= 4; project++) {
                List<EventEnvelope> whole = new ArrayList<>(firstHalves.get(project - 1));
                whole.addAll(secondHalves.get(project - 1));
                projectService.holds("p-eq-" + project, whole.toArray(EventEnvelope[]::new));
            }
            publishAll(secondHalves);
            await().atMost(Duration.ofSeconds(20)).until(() -> appliedThrough(jdbc, "p-eq-%", 4) == 4);
            assertThat(progress(rebuild).get("status").asText()).isEqualTo("running");
            halfWay.countDown();

            JsonNode progress = awaitDone(rebuild);
            assertThat(progress.get("status").asText()).isEqualTo("done");
            assertThat(progress.get("eventsRead").asLong()).isEqualTo(12);
            assertThat(progress.get("projectsRebuilt").asInt()).isEqualTo(4);
            await().atMost(Duration.ofSeconds(20)).until(() -> appliedThrough(liveJdbc, "p-eq-%", 4) == 4);

            assertThat(projectViews(jdbc)).isEqualTo(projectViews(liveJdbc));
            assertThat(openSignals(jdbc)).isEqualTo(openSignals(liveJdbc)).isNotEmpty();
        } finally {
            projectService.logEndsAt(Long.MAX_VALUE);
        }
    }

    @Test
    void anUnknownRebuildIsAProblem() {
        ResponseEntity<String> answer = call(HttpMethod.GET, "/api/risk/rebuild/" + UUID.randomUUID(), null, admin());
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).contains("urn:jianhu:problem:not-found");
    }

    @Test
    void onlyAnAdministratorRebuildsOrFollowsARebuild() {
        assertProblem(http.postForEntity("/api/risk/rebuild", null, String.class), 401, "unauthenticated");
        assertProblem(call(HttpMethod.POST, "/api/risk/rebuild", null, auditor()), 403, "forbidden");
        assertProblem(call(HttpMethod.GET, "/api/risk/rebuild/" + UUID.randomUUID(), null, auditor()), 403,
                "forbidden");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM risk_rebuild WHERE requested_by <> 'admin-chen'",
                Long.class)).isZero();
    }

    private UUID startRebuild() throws Exception {
        ResponseEntity<String> answer = call(HttpMethod.POST, "/api/risk/rebuild", null, admin());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
        UUID id = UUID.fromString(json.readTree(answer.getBody()).get("rebuildId").asText());
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/risk/rebuild/" + id);
        return id;
    }

    private JsonNode awaitDone(UUID rebuild) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> !"running".equals(progress(rebuild).get("status").asText()));
        return progress(rebuild);
    }

    private JsonNode progress(UUID rebuild) throws Exception {
        return get("/api/risk/rebuild/" + rebuild, admin());
    }

    private void publishAll(List<List<EventEnvelope>> perProject) throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        perProject.forEach(events::addAll);
        feed.publish(events.toArray(EventEnvelope[]::new));
    }

    private static long appliedThrough(JdbcTemplate database, String projects, long sequence) {
        return database.queryForObject("SELECT count(*) FROM risk_project WHERE project_id LIKE ? AND next_sequence = ?",
                Long.class, projects, sequence + 1);
    }

    private static List<Map<String, Object>> projectViews(JdbcTemplate database) {
        return database.queryForList("SELECT project_id, next_sequence, last_global_position, facts::text AS facts, "
                + "code, title, region, stage, level, score FROM risk_project WHERE project_id LIKE 'p-eq-%' "
                + "ORDER BY project_id");
    }

    private static List<Map<String, Object>> openSignals(JdbcTemplate database) {
        return database.queryForList("SELECT project_id, rule_id, rule_version, subject, level, numbers::text AS numbers, "
                + "evidence::text AS evidence, explanation_zh, explanation_en FROM risk_signal "
                + "WHERE status = 'open' AND project_id LIKE 'p-eq-%' ORDER BY project_id, rule_id, subject");
    }

    /** The same service on a database of its own, fed through AMQP names of its own. */
    private static ConfigurableApplicationContext secondService() {
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        String database = postgres.createDatabase("t_live_built");
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("spring.datasource.url", postgres.jdbcUrl(database)),
                Map.entry("spring.datasource.username", postgres.user()),
                Map.entry("spring.datasource.password", postgres.password()),
                Map.entry("spring.rabbitmq.host", rabbit.host()),
                Map.entry("spring.rabbitmq.port", rabbit.port()),
                Map.entry("spring.rabbitmq.username", rabbit.user()),
                Map.entry("spring.rabbitmq.password", rabbit.password()),
                Map.entry("jianhu.amqp.prefix", "t.live." + UUID.randomUUID().toString().substring(0, 8)),
                Map.entry("jianhu.project-service.url", projectService.url()),
                Map.entry("jianhu.identity.secret", TestIdentity.SECRET),
                Map.entry("server.port", "0"));
        // As arguments, not default properties: application.yml would win over those.
        return new SpringApplicationBuilder(SupervisionApplication.class, TestRiskConfiguration.class)
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }
}
