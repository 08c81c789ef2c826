package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class TimeOverrunTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    /** 100 days after the start: each day late is one percent of the planned duration. */
    private static final LocalDate PLANNED_END = LocalDate.of(2025, 4, 11);
    private final TimeOverrun rule = new TimeOverrun();

    private static ProjectHistory hundredDayProject() {
        return empty().then(registered("20000000", START, PLANNED_END));
    }

    @Test
    void runningProjectTenPercentLateIsGreen() {
        assertThat(levelOf(rule, hundredDayProject(), PLANNED_END.plusDays(10), "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void runningProjectMoreThanTenPercentLateTurnsYellowAsTimePasses() {
        var yellow = condition(rule, hundredDayProject(), PLANNED_END.plusDays(11), "project").orElseThrow();

        assertThat(yellow.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(yellow.numbers()).containsEntry("delayDays", 11L).containsEntry("plannedDays", 100L);
    }

    @Test
    void runningProjectTwentyFivePercentLateIsYellow() {
        assertThat(levelOf(rule, hundredDayProject(), PLANNED_END.plusDays(25), "project")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void runningProjectMoreThanTwentyFivePercentLateTurnsRed() {
        assertThat(levelOf(rule, hundredDayProject(), PLANNED_END.plusDays(26), "project")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void completionDateDecidesOnceCompleted() {
        var history = hundredDayProject().then(completed(PLANNED_END.plusDays(11), "1000000"));

        assertThat(levelOf(rule, history, PLANNED_END.plusDays(400), "project")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void completionOnTimeIsGreenForever() {
        var history = hundredDayProject().then(completed(PLANNED_END, "1000000"));

        assertThat(levelOf(rule, history, PLANNED_END.plusDays(400), "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void worksContractExtendedFarBeyondThePlanIsForecastRedBeforeThePlannedEnd() {
        var original = period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1));
        var extended = period(LocalDate.of(2025, 3, 1), PLANNED_END.plusDays(26));
        var history = hundredDayProject()
                .then(works("c-1", BUILDER, "1000000"))
                .then(durationChange("c-1", "d-1", LocalDate.of(2025, 3, 15), original, extended));

        assertThat(levelOf(rule, history, LocalDate.of(2025, 3, 20), "project")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void beforeAHistoryBeingCaughtUpHasReachedAnyDateOnlyItsContractsTellOfDelay() {
        assertThat(RuleFixture.evaluate(rule, hundredDayProject(), null)).isEmpty();
        var extended = hundredDayProject().then(award("c-1", "construction", "open", 3, null, null, BUILDER, "1000000"));

        assertThat(levelOf(rule, extended, null, "project")).as("works contract ends 2026-10-31").isEqualTo(RiskLevel.RED);
    }
}
