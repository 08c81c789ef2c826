package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class ImplausiblyFastCompletionTest {

    private static final LocalDate SIGNED = LocalDate.of(2025, 3, 1);
    private final ImplausiblyFastCompletion rule = new ImplausiblyFastCompletion();

    private static ProjectHistory completedAfter(int days) {
        return empty()
                .on(SIGNED).then(works("c-1", BUILDER, "1000000"))
                .on(SIGNED.plusDays(days)).then(completed(SIGNED.plusDays(days), "1000000"));
    }

    @Test
    void completionFiftyNineDaysAfterSigningIsYellow() {
        var yellow = condition(rule, completedAfter(59), SIGNED.plusDays(59), "project").orElseThrow();

        assertThat(yellow.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(yellow.numbers()).containsEntry("days", 59L);
        assertThat(yellow.evidence()).containsExactly(101L, 102L);
    }

    @Test
    void completionSixtyDaysAfterSigningIsPlausible() {
        assertThat(levelOf(rule, completedAfter(60), SIGNED.plusDays(60), "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void theWorksAreSignedOnTheAwardsDateSignedNotOnTheDayTheAwardWasRecorded() {
        var history = empty().on(LocalDate.of(2026, 12, 2))
                .then(signed(works("c-1", BUILDER, "1000000"), SIGNED), completed(SIGNED.plusDays(59), "1000000"));

        var yellow = condition(rule, history, LocalDate.of(2026, 12, 2), "project").orElseThrow();
        assertThat(yellow.numbers()).containsEntry("signed", SIGNED).containsEntry("days", 59L);
    }

    @Test
    void unfinishedProjectIsNotJudged() {
        var history = empty().on(SIGNED).then(works("c-1", BUILDER, "1000000"));

        assertThat(levelOf(rule, history, SIGNED.plusDays(1), "project")).isEqualTo(RiskLevel.GREEN);
    }
}
