package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.risk.RiskRule;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.risk.Thresholds;
import org.jianhu.testsupport.MovableClock;
import org.jianhu.supervision.support.ProjectEventsFeed;
import org.jianhu.testsupport.RealInfrastructure;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.supervision.support.ProjectEventsFeed.registered;

/** Time-based rules trip on the daily re-evaluation, by the Shanghai date, with no new event. */
@RealInfrastructure
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReassessingIT {

    static final LocalDate DUE = LocalDate.parse("2026-06-30");
    static final MovableClock clock = new MovableClock(Instant.parse("2026-06-30T12:00:00Z"),
            ZoneId.of("Asia/Shanghai"));

    @TestConfiguration
    static class TimeBasedRule {

        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }

        @Bean
        @Primary
        RiskCatalogue dueByTheEndOfJune() {
            return new RiskCatalogue(List.of(new RiskRule() {
                @Override
                public String id() {
                    return "T03";
                }

                @Override
                public int version() {
                    return 1;
                }

                @Override
                public String nameZh() {
                    return "逾期";
                }

                @Override
                public String nameEn() {
                    return "overdue";
                }

                @Override
                public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
                    return today.isAfter(DUE) ? List.of(new SignalCondition(id(), version(), "project",
                            RiskLevel.RED, Map.of("today", today.toString()), List.of(), "逾期", "overdue"))
                            : List.of();
                }
            }));
        }
    }

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reassessing reassessing;
    @Value("${jianhu.amqp.prefix}")
    String amqpPrefix;

    @Test
    @Order(1)
    void theDailyReEvaluationRaisesWhatTimeAloneTripped() throws Exception {
        ProjectEventsFeed feed = new ProjectEventsFeed(json, amqpPrefix);
        feed.publish(feed.envelope(1000, 0, registered("p-due", "Haishu")));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM risk_project WHERE project_id = 'p-due'", Long.class) == 1);
        assertThat(level()).isEqualTo("GREEN");

        clock.set(Instant.parse("2026-06-30T16:30:00Z")); // already 1 July in Shanghai
        reassessing.daily();

        assertThat(level()).isEqualTo("RED");
        assertThat(jdbc.queryForList("SELECT change_type FROM signal_outbox WHERE project_id = 'p-due'", String.class))
                .containsExactly("raised");
    }

    @Test
    @Order(2)
    void aMissedDayIsCaughtUpOnceWhicheverInstanceTicksFirst() throws Exception {
        clock.set(Instant.parse("2026-07-01T04:00:00Z"));
        ProjectEventsFeed feed = new ProjectEventsFeed(json, amqpPrefix);
        feed.publish(feed.envelope(2000, 0, registered("p-missed", "Haishu")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "2026-07-01".equals(today("p-missed")));
        jdbc.update("UPDATE daily_reassessment SET last_completed = '2026-07-01'");

        clock.set(Instant.parse("2026-07-03T03:00:00Z")); // down over 2 and 3 July 00:05, back at 11:00
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> ticks = instances.invokeAll(List.of(reassessing::catchUp, reassessing::catchUp));
            assertThat(List.of(ticks.get(0).get(), ticks.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            instances.shutdown();
        }

        assertThat(today("p-missed")).isEqualTo("2026-07-03");
        assertThat(jdbc.queryForObject("SELECT last_completed::text FROM daily_reassessment", String.class))
                .isEqualTo("2026-07-03");
        assertThat(reassessing.catchUp()).isFalse();
    }

    /** The date the T03 signal of the project was last evaluated on. */
    private String today(String projectId) {
        return jdbc.queryForList("SELECT numbers ->> 'today' FROM risk_signal WHERE project_id = ? AND status = 'open'",
                String.class, projectId).stream().findFirst().orElse(null);
    }

    private String level() {
        return jdbc.queryForObject("SELECT level FROM risk_project WHERE project_id = 'p-due'", String.class);
    }
}
