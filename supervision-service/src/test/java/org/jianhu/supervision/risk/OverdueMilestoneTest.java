package org.jianhu.supervision.risk;

import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.contracts.project.ProjectCancelled;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class OverdueMilestoneTest {

    private static final LocalDate DUE = LocalDate.of(2025, 6, 30);
    private final OverdueMilestone rule = new OverdueMilestone();

    private static ProjectHistory milestoneDueEndOfJune() {
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(milestone("m-1", DUE));
    }

    @Test
    void milestoneOnItsDueDateIsNotOverdue() {
        assertThat(levelOf(rule, milestoneDueEndOfJune(), DUE, "milestone:m-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void milestoneOneDayOverdueTurnsYellow() {
        var yellow = condition(rule, milestoneDueEndOfJune(), DUE.plusDays(1), "milestone:m-1").orElseThrow();

        assertThat(yellow.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(yellow.numbers()).containsEntry("daysOverdue", 1L);
        assertThat(yellow.evidence()).containsExactly(102L);
    }

    @Test
    void milestoneThirtyDaysOverdueIsStillYellow() {
        assertThat(levelOf(rule, milestoneDueEndOfJune(), DUE.plusDays(30), "milestone:m-1"))
                .isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void milestoneMoreThanThirtyDaysOverdueTurnsRed() {
        assertThat(levelOf(rule, milestoneDueEndOfJune(), DUE.plusDays(31), "milestone:m-1"))
                .isEqualTo(RiskLevel.RED);
    }

    @Test
    void partiallyMetMilestoneIsStillOverdue() {
        var history = milestoneDueEndOfJune()
                .then(new MilestoneStatusReported(PROJECT, "m-1", "partiallyMet", null));

        assertThat(levelOf(rule, history, DUE.plusDays(5), "milestone:m-1")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void metMilestoneIsNeverOverdue() {
        var history = milestoneDueEndOfJune().then(met("m-1", DUE.plusDays(3)));

        assertThat(levelOf(rule, history, DUE.plusDays(60), "milestone:m-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void cancelledProjectHasNoOverdueMilestones() {
        var history = milestoneDueEndOfJune().then(new ProjectCancelled(PROJECT, DUE.minusDays(1), "funding withdrawn"));

        assertThat(levelOf(rule, history, DUE.plusDays(60), "milestone:m-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void noMilestoneIsOverdueBeforeAHistoryBeingCaughtUpHasReachedAnyDate() {
        assertThat(RuleFixture.evaluate(rule, milestoneDueEndOfJune(), null)).isEmpty();
    }
}
