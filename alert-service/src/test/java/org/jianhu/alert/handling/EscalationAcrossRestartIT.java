package org.jianhu.alert.handling;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.AlertApplication;
import org.jianhu.testsupport.MovableClock;
import org.jianhu.testsupport.TestIdentity;
import org.jianhu.alert.support.SignalFeed;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.jianhu.testsupport.RabbitBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.raised;

/**
 * The escalation deadline survives a restart: the service is started as a plain Spring application on
 * real PostgreSQL and RabbitMQ, takes a red alert, stops; the clock moves past 24 h and a new instance on
 * the same database escalates the alert exactly once.
 */
class EscalationAcrossRestartIT {

    private static final Instant START = Instant.parse("2026-03-01T02:00:00Z");

    /** Shared by every context this test starts, so the moved time reaches the restarted service. */
    private static final MovableClock CLOCK = new MovableClock(START, ZoneId.of("Asia/Shanghai"));

    private final PostgresServer postgres = Infrastructure.postgres();
    private final RabbitBroker rabbit = Infrastructure.rabbit();
    private final String database = postgres.createDatabase("t_EscalationAcrossRestartIT");
    private final String amqpPrefix = "t.EscalationAcrossRestartIT." + UUID.randomUUID().toString().substring(0, 8);

    private ConfigurableApplicationContext service;

    @AfterEach
    void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anUnassignedRedAlertIsEscalatedOnceByTheRestartedServiceOnceTheClockPassesItsDeadline() throws Exception {
        CLOCK.set(START);
        service = start();
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        UUID signal = UUID.randomUUID();
        Map<String, Object> red = raised(signal, "p-restart-red", "RED");
        red.put("region", "Haishu");
        new SignalFeed(service.getBean(ObjectMapper.class), amqpPrefix).publish(red);

        await().atMost(Duration.ofSeconds(20)).until(() -> alertOf(jdbc, signal) != null);
        UUID alert = alertOf(jdbc, signal);
        assertThat(jdbc.queryForObject("SELECT escalation_due FROM alert WHERE id = ?", Timestamp.class, alert)
                .toInstant()).isEqualTo(START.plus(Duration.ofHours(24)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> escalations(jdbc, alert).isEmpty());

        service.close();
        service = null;
        CLOCK.set(START.plus(Duration.ofHours(25)));

        service = start();
        JdbcTemplate restarted = service.getBean(JdbcTemplate.class);
        assertThat(service.getBean(Clock.class)).isSameAs(CLOCK);
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations(restarted, alert).size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> escalations(restarted, alert).size() == 1);
        assertThat(escalations(restarted, alert))
                .containsExactly("not assigned in time; escalated to lead-zhang");
        assertThat(restarted.queryForObject("SELECT status FROM alert WHERE id = ?", String.class, alert))
                .isEqualTo("raised");
        assertThat(restarted.queryForObject("SELECT escalation_due FROM alert WHERE id = ?", Timestamp.class,
                alert)).isNull();
    }

    /** The alert service on this test's database and AMQP names, its Clock the shared movable one. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AlertApplication.class)
                .initializers(context -> {
                    GenericApplicationContext generic = (GenericApplicationContext) context;
                    // Test-only configuration on the classpath (AlertIT's @TestConfiguration) stays out of the scan.
                    generic.getBeanFactory().registerSingleton("excludeTestComponents", new ExcludeTestComponents());
                    generic.registerBean("restartTestClock", MovableClock.class, () -> CLOCK,
                            definition -> definition.setPrimary(true));
                })
                .run("--server.port=0",
                        "--spring.datasource.url=" + postgres.jdbcUrl(database),
                        "--spring.datasource.username=" + postgres.user(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.rabbitmq.host=" + rabbit.host(),
                        "--spring.rabbitmq.port=" + rabbit.port(),
                        "--spring.rabbitmq.username=" + rabbit.user(),
                        "--spring.rabbitmq.password=" + rabbit.password(),
                        "--jianhu.amqp.prefix=" + amqpPrefix,
                        "--jianhu.identity.secret=" + TestIdentity.SECRET,
                        "--jianhu.escalation.check-interval-ms=100",
                        "--jianhu.escalation.regional-leads.Haishu=lead-zhang",
                        "--jianhu.escalation.default-lead=lead-default");
    }

    private static UUID alertOf(JdbcTemplate jdbc, UUID signal) {
        return jdbc.queryForList("SELECT id FROM alert WHERE signal_id = ?", UUID.class, signal).stream()
                .findFirst().orElse(null);
    }

    private static List<String> escalations(JdbcTemplate jdbc, UUID alert) {
        return jdbc.queryForList("SELECT comment FROM alert_event WHERE alert_id = ? AND step = 'escalated' "
                + "ORDER BY position", String.class, alert);
    }

    /** Leaves out of component scanning what is meant for tests only, as a Spring Boot test context does. */
    static final class ExcludeTestComponents extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())
                    || reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestComponents;
        }

        @Override
        public int hashCode() {
            return ExcludeTestComponents.class.hashCode();
        }
    }
}
