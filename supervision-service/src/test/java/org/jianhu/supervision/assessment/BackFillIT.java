package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.supervision.support.HistoryStub;
import org.jianhu.supervision.support.ProjectEventsFeed;
import org.jianhu.testsupport.MovableClock;
import org.jianhu.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A project history entered years later in one go is judged as it was lived: the real catalogue, supervision's
 * clock in the test's hands, envelopes fed through the project-events exchange. The history of 2017–2018 recorded
 * live (the clock and each event's recording moved to its business date, one event at a time) and the same history
 * entered on 2026-12-02 within seconds raise the same signals with the same evidence and explanations, through the
 * same signal changes (what alerts are made of).
 */
@RealInfrastructure
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackFillIT {

    static final MovableClock clock = new MovableClock(Instant.parse("2017-01-01T00:00:00Z"), BusinessCalendar.ZONE);
    private static final HistoryStub projectService = new HistoryStub();
    private static final Instant ENTERED = Instant.parse("2026-12-02T02:00:00Z");
    private static final String LIVE = "p-lived";
    private static final String BACK_FILLED = "p-back-filled";
    private static final long LIVE_BASE = 10_000;
    private static final long BACK_FILLED_BASE = 20_000;

    @TestConfiguration
    static class TestsClock {

        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("jianhu.project-service.url", projectService::url);
        // the test sweeps when it means to
        registry.add("jianhu.assessment.catch-up-sweep-ms", () -> "3600000");
    }

    @AfterAll
    static void stopStub() {
        projectService.close();
    }

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EndingInitialLoads endingInitialLoads;
    @Autowired
    Reassessing reassessing;
    @Autowired
    Rebuilding rebuilding;
    @Autowired
    Rebuilds rebuilds;
    @Value("${jianhu.amqp.prefix}")
    String amqpPrefix;

    /** One event of the history and the day it happened (or, for one that tells of no day, it was entered). */
    record Step(LocalDate day, ProjectEvent event) {
    }

    static final OrganisationReference BUILDER = new OrganisationReference("91330200MA2CL0XX1Q", "宁波海兴建设有限公司");
    static final OrganisationReference OWNER = new OrganisationReference("11330200002952617K", "宁波市交通运输局");
    static final Period PLANNED = new Period(LocalDate.parse("2017-03-01"), LocalDate.parse("2018-09-30"));

    /**
     * Registered, approved, three milestones, a works award, progress and payments in step, the first milestone met
     * on its due date and the second 20 days late, a failed inspection rectified, the works extended by a change
     * order (R09 yellow: 92 days late on the planned 578), completed 89 days late.
     */
    static List<Step> history(String projectId) {
        Period works = new Period(LocalDate.parse("2017-04-01"), LocalDate.parse("2018-09-30"));
        Period extended = new Period(LocalDate.parse("2017-04-01"), LocalDate.parse("2018-12-31"));
        return List.of(
                step("2017-01-10", new ProjectRegistered(projectId, "NB-" + projectId, "Harbour road " + projectId,
                        "construction", "Haishu", "transport-bureau", Money.cny("50000000.00"), PLANNED,
                        List.of("sup-li"))),
                step("2017-02-15", new ProjectApproved(projectId, LocalDate.parse("2017-02-15"), "甬发改〔2017〕12号")),
                step("2017-02-15", milestone(projectId, "m-1", "基础完成", "2017-06-30")),
                step("2017-02-15", milestone(projectId, "m-2", "主体结构封顶", "2017-12-31")),
                step("2017-02-15", milestone(projectId, "m-3", "竣工验收", "2018-12-31")),
                step("2017-03-25", new ContractAwarded(projectId, "c-1", ContractAwarded.CONSTRUCTION,
                        ContractAwarded.OPEN, 5, new Period(LocalDate.parse("2017-02-20"), LocalDate.parse("2017-03-20")),
                        Money.cny("44000000.00"), BUILDER, Money.cny("40000000.00"), works,
                        LocalDate.parse("2017-03-25"))),
                step("2017-05-15", progress(projectId, "10", "2017-05-15")),
                // the supplier under another spelling of its name: the same party
                step("2017-05-20", payment(projectId, "t-1", "2017-05-20", "4000000.00", null,
                        new OrganisationReference(BUILDER.id(), "海兴建设"))),
                step("2017-06-30", met(projectId, "m-1", "2017-06-30")),
                step("2017-08-10", new InspectionRecorded(projectId, "i-1",
                        new OrganisationReference("12330200470532601A", "宁波市建设工程质量监督站"),
                        LocalDate.parse("2017-08-10"), "主体结构", InspectionRecorded.FAILED, "钢筋保护层不足",
                        LocalDate.parse("2017-09-10"))),
                step("2017-09-01", new RectificationReported(projectId, "i-1", LocalDate.parse("2017-09-01"), "已整改")),
                step("2017-09-05", new RectificationVerified(projectId, "i-1", LocalDate.parse("2017-09-05"),
                        "质监站", true, "合格")),
                step("2017-10-10", new ContractModified(projectId, "c-1", "mod-1", LocalDate.parse("2017-10-10"),
                        ContractModified.DURATION, "延期", "雨季", null, null, works, extended)),
                step("2017-12-20", progress(projectId, "50", "2017-12-20")),
                step("2017-12-25", payment(projectId, "t-2", "2017-12-25", "16000000.00", "m-1", BUILDER)),
                step("2018-01-10", progress(projectId, "60", "2018-01-10")),
                step("2018-01-20", met(projectId, "m-2", "2018-01-20")),
                step("2018-12-15", progress(projectId, "100", "2018-12-15")),
                step("2018-12-20", met(projectId, "m-3", "2018-12-20")),
                step("2018-12-20", payment(projectId, "t-3", "2018-12-20", "20000000.00", "m-3", BUILDER)),
                step("2018-12-28", new ProjectCompleted(projectId, LocalDate.parse("2018-12-28"),
                        Money.cny("40000000.00"), "as contracted")));
    }

    @Test
    @Order(1)
    void aHistoryRecordedLiveAndTheSameEnteredYearsLaterInOneGoRaiseTheSameSignalsThroughTheSameChanges()
            throws Exception {
        List<EventEnvelope> lived = new ArrayList<>();
        List<Step> livedSteps = history(LIVE);
        for (int sequence = 0; sequence < livedSteps.size(); sequence++) {
            Step step = livedSteps.get(sequence);
            // events of one day are recorded a minute apart, in their order
            Instant recorded = step.day().atTime(LocalTime.of(10, 0)).atZone(BusinessCalendar.ZONE).toInstant()
                    .plusSeconds(60L * sequence);
            clock.set(recorded);
            EventEnvelope envelope = feed().envelope(LIVE_BASE, sequence, step.event(), recorded);
            lived.add(envelope);
            feed().publish(envelope);
            awaitApplied(LIVE, sequence + 1);
        }
        projectService.holds(LIVE, lived.toArray(EventEnvelope[]::new));

        clock.set(ENTERED);
        EventEnvelope[] backFilled = enteredInOneGo(BACK_FILLED_BASE, history(BACK_FILLED), ENTERED);
        projectService.holds(BACK_FILLED, backFilled);
        feed().publish(backFilled);
        awaitApplied(BACK_FILLED, backFilled.length);
        assertThat(caughtUpAt(BACK_FILLED)).as("still being caught up").isNull();

        clock.set(ENTERED.plus(Duration.ofMinutes(11)));
        assertThat(endingInitialLoads.sweep()).isEqualTo(1);
        assertThat(caughtUpAt(BACK_FILLED)).isEqualTo(ENTERED.plus(Duration.ofMinutes(11)));
        assertThat(endingInitialLoads.sweep()).as("once").isZero();
        reassessing.reassessAll(); // the daily run of 2026-12-02 for the lived project

        assertThat(signals(BACK_FILLED, BACK_FILLED_BASE)).isEqualTo(signals(LIVE, LIVE_BASE))
                .singleElement().asString().startsWith("R09 project YELLOW open [0, 20] ").contains("2018-12-28");
        assertThat(changes(BACK_FILLED, BACK_FILLED_BASE)).isEqualTo(changes(LIVE, LIVE_BASE))
                .extracting(change -> change.split(" \\[")[0])
                .containsExactly("raised R06 inspection:i-1 YELLOW", "cleared R06 inspection:i-1 GREEN",
                        "raised R09 project YELLOW", "raised R03 milestone:m-2 YELLOW",
                        "cleared R03 milestone:m-2 GREEN");
    }

    @Test
    @Order(2)
    void aRebuildEqualsTheLiveView() throws Exception {
        List<String> signalsBefore = signals(BACK_FILLED, BACK_FILLED_BASE);
        String factsBefore = facts(BACK_FILLED);
        long changesBefore = jdbc.queryForObject("SELECT count(*) FROM signal_outbox", Long.class);
        clock.set(ENTERED.plus(Duration.ofHours(1)));

        UUID rebuild = rebuilding.start("admin-chen");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rebuilds.find(rebuild).map(Rebuilds.Progress::status).orElse(""), Rebuilds.DONE::equals);

        assertThat(signals(BACK_FILLED, BACK_FILLED_BASE)).isEqualTo(signalsBefore).isEqualTo(signals(LIVE, LIVE_BASE));
        assertThat(facts(BACK_FILLED)).isEqualTo(factsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_outbox", Long.class)).isEqualTo(changesBefore);
    }

    @Test
    void aMilestoneMetOnItsDueDateEnteredYearsLaterRaisesNothingAtAnyPoint() throws Exception {
        String projectId = "p-met-on-time";
        backFillAndSweep(30_000, List.of(
                step("2017-01-10", registered(projectId)),
                step("2017-02-15", milestone(projectId, "m-1", "基础完成", "2017-06-30")),
                step("2017-05-15", progress(projectId, "10", "2017-05-15")),
                step("2017-06-30", met(projectId, "m-1", "2017-06-30")),
                step("2017-08-01", progress(projectId, "30", "2017-08-01"))));

        assertThat(changes(projectId, 30_000)).noneMatch(change -> change.contains(" R03 "));
    }

    @Test
    void aTimeOverrunEnteredYearsLaterNeverGoesRedOnTheWayToYellow() throws Exception {
        String projectId = "p-late-works";
        backFillAndSweep(40_000, List.of(
                step("2017-01-10", registered(projectId)),
                step("2017-03-25", new ContractAwarded(projectId, "c-1", ContractAwarded.CONSTRUCTION,
                        ContractAwarded.OPEN, 4, null, null, new OrganisationReference("91330200TEST000001", "甬建集团"),
                        Money.cny("4000000.00"), new Period(LocalDate.parse("2017-04-01"), LocalDate.parse("2018-12-31")),
                        LocalDate.parse("2017-03-25"))),
                step("2018-12-15", progress(projectId, "100", "2018-12-15")),
                step("2018-12-28", new ProjectCompleted(projectId, LocalDate.parse("2018-12-28"),
                        Money.cny("4000000.00"), "as contracted"))));

        assertThat(changes(projectId, 40_000)).filteredOn(change -> change.contains(" R09 "))
                .extracting(change -> change.split(" \\[")[0]).containsExactly("raised R09 project YELLOW");
    }

    @Test
    void aPaymentEnteredAfterLaterFactsOfItsProjectIsRecordedLate() throws Exception {
        String projectId = "p-paid-out-of-order";
        backFillAndSweep(50_000, List.of(
                step("2017-01-10", registered(projectId)),
                step("2017-02-15", new ProjectApproved(projectId, LocalDate.parse("2017-02-15"), "甬发改〔2017〕13号")),
                step("2017-06-25", progress(projectId, "10", "2017-06-25")),
                step("2017-05-20", payment(projectId, "t-1", "2017-05-20", "300000.00", null, BUILDER))));

        assertThat(open(projectId, "R18")).singleElement().asString().startsWith("payment:t-1 YELLOW [3] ")
                .contains("2017-05-20", "recorded on 2026-12-02", "up to 2017-06-25", "36 days late");
    }

    @Test
    void aPaymentRecordedFortyDaysAfterItWasMadeOnALiveProjectIsRecordedLate() throws Exception {
        String projectId = "p-paid-late";
        Instant registeredAt = Instant.parse("2026-01-05T02:00:00Z");
        Instant paidAt = Instant.parse("2026-03-13T02:00:00Z");
        clock.set(registeredAt);
        feed().publish(feed().envelope(60_000, 0, registered(projectId), registeredAt));
        awaitApplied(projectId, 1);
        clock.set(paidAt);
        feed().publish(feed().envelope(60_000, 1,
                payment(projectId, "t-1", "2026-02-01", "300000.00", null, BUILDER), paidAt));
        awaitApplied(projectId, 2);

        assertThat(open(projectId, "R18")).singleElement().asString().startsWith("payment:t-1 YELLOW [1] ")
                .contains("2026-02-01", "recorded on 2026-03-13", "40 days late");
    }

    private void backFillAndSweep(long base, List<Step> steps) throws Exception {
        clock.set(ENTERED);
        EventEnvelope[] envelopes = enteredInOneGo(base, steps, ENTERED);
        projectService.holds(envelopes[0].projectId(), envelopes);
        feed().publish(envelopes);
        awaitApplied(envelopes[0].projectId(), envelopes.length);
        clock.set(ENTERED.plus(Duration.ofMinutes(11)));
        endingInitialLoads.sweep();
        assertThat(caughtUpAt(envelopes[0].projectId())).isNotNull();
    }

    /** The history as one clerk enters it, a second apart, in business-date order. */
    private EventEnvelope[] enteredInOneGo(long base, List<Step> steps, Instant from) {
        EventEnvelope[] envelopes = new EventEnvelope[steps.size()];
        for (int sequence = 0; sequence < steps.size(); sequence++) {
            envelopes[sequence] = feed().envelope(base, sequence, steps.get(sequence).event(),
                    from.plusSeconds(sequence));
        }
        return envelopes;
    }

    private ProjectEventsFeed feed() {
        return new ProjectEventsFeed(json, amqpPrefix);
    }

    private void awaitApplied(String projectId, long events) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT next_sequence FROM risk_project WHERE project_id = ?", Long.class, projectId)
                .stream().anyMatch(next -> next == events));
    }

    private Instant caughtUpAt(String projectId) {
        Timestamp at = jdbc.queryForObject("SELECT caught_up_at FROM risk_project WHERE project_id = ?",
                Timestamp.class, projectId);
        return at == null ? null : at.toInstant();
    }

    private String facts(String projectId) {
        return jdbc.queryForObject("SELECT facts::text FROM risk_project WHERE project_id = ?", String.class, projectId);
    }

    /** The project's signals: rule, subject, level, status, evidence as ordinals of its events, explanation. */
    private List<String> signals(String projectId, long base) {
        return jdbc.query("SELECT rule_id, subject, level, status, evidence::text AS evidence, explanation_zh, "
                        + "explanation_en FROM risk_signal WHERE project_id = ? AND status = 'open' "
                        + "ORDER BY rule_id, subject", (row, index) -> row.getString("rule_id") + " "
                        + row.getString("subject") + " " + row.getString("level") + " " + row.getString("status") + " "
                        + ordinals(row.getString("evidence"), base) + " " + row.getString("explanation_zh") + " | "
                        + row.getString("explanation_en"),
                projectId);
    }

    /** The project's open signals of one rule, as subject, level, evidence ordinals and English explanation. */
    private List<String> open(String projectId, String ruleId) {
        long base = jdbc.queryForObject("SELECT last_global_position - next_sequence + 1 FROM risk_project "
                + "WHERE project_id = ?", Long.class, projectId);
        return jdbc.query("SELECT subject, level, evidence::text AS evidence, explanation_en FROM risk_signal "
                        + "WHERE project_id = ? AND rule_id = ? AND status = 'open' ORDER BY subject",
                (row, index) -> row.getString("subject") + " " + row.getString("level") + " "
                        + ordinals(row.getString("evidence"), base) + " " + row.getString("explanation_en"),
                projectId, ruleId);
    }

    /** Every signal change of the project in the order made: change, rule, subject, level, evidence, explanations. */
    private List<String> changes(String projectId, long base) {
        return jdbc.query("SELECT payload::text AS payload FROM signal_outbox WHERE project_id = ? ORDER BY position",
                (row, index) -> {
                    try {
                        JsonNode change = json.readTree(row.getString("payload"));
                        return change.get("change").asText() + " " + change.get("ruleId").asText() + " "
                                + change.get("subject").asText() + " " + change.get("level").asText() + " "
                                + ordinals(change.get("evidence").toString(), base) + " "
                                + change.get("explanationZh").asText() + " | " + change.get("explanationEn").asText();
                    } catch (IOException unreadable) {
                        throw new IllegalStateException(unreadable);
                    }
                }, projectId);
    }

    private List<Long> ordinals(String evidence, long base) {
        try {
            return StreamSupport.stream(json.readTree(evidence).spliterator(), false)
                    .map(position -> position.asLong() - base).toList();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static Step step(String day, ProjectEvent event) {
        return new Step(LocalDate.parse(day), event);
    }

    private static ProjectRegistered registered(String projectId) {
        return new ProjectRegistered(projectId, "NB-" + projectId, "Works " + projectId, "construction", "Beilun",
                "port-bureau-" + projectId, Money.cny("50000000.00"), PLANNED, List.of("sup-he"));
    }

    private static MilestonePlanned milestone(String projectId, String id, String title, String due) {
        return new MilestonePlanned(projectId, id, title, "delivery", null, LocalDate.parse(due), null);
    }

    private static MilestoneStatusReported met(String projectId, String id, String day) {
        return new MilestoneStatusReported(projectId, id, MilestoneStatusReported.MET, LocalDate.parse(day));
    }

    private static ProgressReported progress(String projectId, String percent, String day) {
        return new ProgressReported(projectId, new BigDecimal(percent), LocalDate.parse(day));
    }

    private static TransactionRecorded payment(String projectId, String id, String day, String amount,
                                               String milestoneId, OrganisationReference payee) {
        return new TransactionRecorded(projectId, id, TransactionRecorded.PAYMENT, LocalDate.parse(day),
                Money.cny(amount), OWNER, payee, "c-1", milestoneId);
    }
}
