package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class BudgetOverrunTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private final BudgetOverrun rule = new BudgetOverrun();

    /** A 10,000,000 budget with one contract of {@code contracted}. */
    private static ProjectHistory contracted(String contracted) {
        return empty()
                .then(registered("10000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(works("c-1", BUILDER, contracted));
    }

    @Test
    void contractsAtNinetyPercentOfBudgetAreGreen() {
        assertThat(levelOf(rule, contracted("9000000"), TODAY, "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void contractsAboveNinetyPercentOfBudgetTurnYellowBeforeCompletion() {
        assertThat(levelOf(rule, contracted("9000001"), TODAY, "project")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void contractsEqualToTheBudgetAreYellowNotRed() {
        assertThat(levelOf(rule, contracted("10000000"), TODAY, "project")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void contractsAboveTheBudgetTurnRed() {
        var red = condition(rule, contracted("10000001"), TODAY, "project").orElseThrow();

        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.evidence()).containsExactly(101L, 102L);
    }

    @Test
    void paymentsAboveNinetyPercentOfBudgetTurnYellow() {
        var history = contracted("8000000")
                .then(payment("t-1", TODAY, "9000001", BUILDER, "c-1", null));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void spendingMostOfTheBudgetIsNormalAtCompletion() {
        var history = contracted("9500000").then(completed(TODAY, "9500000"));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void overrunStaysRedAfterCompletion() {
        var history = contracted("10000001").then(completed(TODAY, "10000001"));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.RED);
    }
}
