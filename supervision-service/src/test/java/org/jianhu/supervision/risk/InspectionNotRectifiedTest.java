package org.jianhu.supervision.risk;

import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class InspectionNotRectifiedTest {

    private static final LocalDate INSPECTED = LocalDate.of(2025, 5, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2025, 5, 31);
    private static final String SUBJECT = "inspection:i-1";
    private final InspectionNotRectified rule = new InspectionNotRectified();

    private static ProjectHistory failedInspection() {
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(ProjectHistory.failedInspection("i-1", INSPECTED, DEADLINE));
    }

    private static RectificationReported reported(LocalDate date) {
        return new RectificationReported(PROJECT, "i-1", date, "重新浇筑");
    }

    private static RectificationVerified verified(boolean accepted) {
        return new RectificationVerified(PROJECT, "i-1", DEADLINE.plusDays(2), "supervisor-1", accepted, "");
    }

    @Test
    void failedInspectionIsYellowUpToItsDeadline() {
        assertThat(levelOf(rule, failedInspection(), DEADLINE, SUBJECT)).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void failedInspectionTurnsRedTheDayAfterItsDeadline() {
        var red = condition(rule, failedInspection(), DEADLINE.plusDays(1), SUBJECT).orElseThrow();

        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.numbers()).containsEntry("daysPastDeadline", 1L);
    }

    @Test
    void reportedRectificationDoesNotClearTheSignal() {
        var history = failedInspection().then(reported(DEADLINE.minusDays(1)));

        var red = condition(rule, history, DEADLINE.plusDays(1), SUBJECT).orElseThrow();
        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.evidence()).containsExactly(102L, 103L);
    }

    @Test
    void rejectedRectificationKeepsTheSignalOpen() {
        var history = failedInspection().then(reported(DEADLINE.minusDays(1)), verified(false));

        assertThat(levelOf(rule, history, DEADLINE.plusDays(5), SUBJECT)).isEqualTo(RiskLevel.RED);
    }

    @Test
    void onlyVerifiedRectificationClearsTheSignal() {
        var history = failedInspection().then(reported(DEADLINE.minusDays(1)), verified(true));

        assertThat(levelOf(rule, history, DEADLINE.plusDays(5), SUBJECT)).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void passedInspectionRaisesNothing() {
        var history = empty().then(passedInspection("i-2", INSPECTED));

        assertThat(RuleFixture.evaluate(rule, history, DEADLINE.plusDays(5))).isEmpty();
    }
}
