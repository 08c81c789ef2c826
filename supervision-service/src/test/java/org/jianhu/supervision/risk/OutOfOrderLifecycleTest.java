package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.evaluate;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class OutOfOrderLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private static final LocalDate APPROVED = LocalDate.of(2025, 2, 1);
    private final OutOfOrderLifecycle rule = new OutOfOrderLifecycle();

    private static ProjectHistory registered() {
        return empty().then(ProjectHistory.registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void buildingAfterApprovalAndAwardRaisesNothing() {
        assertThat(evaluate(rule, ProjectHistory.healthy(), TODAY)).isEmpty();
    }

    @Test
    void constructionBeforeApprovalIsRed() {
        var history = registered()
                .then(works("c-1", BUILDER, "1000000"))
                .then(progress("5", APPROVED.minusDays(1)))
                .then(approved(APPROVED));

        var red = condition(rule, history, TODAY, "project").orElseThrow();
        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.numbers()).containsEntry("beforeApproval", true).containsEntry("beforeConstructionAward", false);
        assertThat(red.evidence()).containsExactly(103L, 104L);
    }

    @Test
    void approvalRecordedLateButDatedBeforeConstructionIsInOrder() {
        var history = registered()
                .then(works("c-1", BUILDER, "1000000"))
                .then(progress("5", APPROVED))
                .then(approved(APPROVED));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void constructionBeforeTheWorksContractWasSignedIsRed() {
        var history = registered()
                .then(signed(works("c-1", BUILDER, "1000000"), APPROVED.plusDays(10)))
                .then(approved(APPROVED))
                .then(progress("5", APPROVED.plusDays(5)));

        var red = condition(rule, history, TODAY, "project").orElseThrow();
        assertThat(red.numbers()).containsEntry("beforeApproval", false).containsEntry("beforeConstructionAward", true);
    }

    @Test
    void aWorksAwardEnteredAfterTheProgressButSignedBeforeItIsInOrder() {
        var history = registered()
                .then(approved(APPROVED))
                .then(progress("5", APPROVED.plusDays(5)))
                .then(signed(works("c-1", BUILDER, "1000000"), APPROVED.plusDays(1)));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void progressOnTheDayTheWorksWereSignedIsNotBeforeTheAward() {
        var history = registered()
                .then(approved(APPROVED))
                .then(signed(works("c-1", BUILDER, "1000000"), APPROVED.plusDays(5)))
                .then(progress("5", APPROVED.plusDays(5)));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void paymentBeforeApprovalIsRed() {
        var history = registered()
                .then(works("c-1", BUILDER, "1000000"))
                .then(payment("t-1", APPROVED.minusDays(1), "100000", BUILDER, "c-1", null))
                .then(approved(APPROVED));

        assertThat(levelOf(rule, history, TODAY, "payment:t-1")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void paymentOnAContractSignedOnlyAfterItIsRed() {
        var history = registered()
                .then(approved(APPROVED))
                .then(payment("t-1", APPROVED.plusDays(1), "100000", BUILDER, "c-1", null))
                .then(signed(works("c-1", BUILDER, "1000000"), APPROVED.plusDays(2)));

        var red = condition(rule, history, TODAY, "payment:t-1").orElseThrow();
        assertThat(red.numbers()).containsEntry("beforeContractAward", true).containsEntry("beforeApproval", false);
        assertThat(red.evidence()).containsExactly(102L, 103L, 104L);
    }

    @Test
    void paymentOnAContractNotKnownYetIsRed() {
        var history = registered()
                .then(approved(APPROVED))
                .then(payment("t-1", APPROVED.plusDays(1), "100000", BUILDER, "c-1", null));

        assertThat(levelOf(rule, history, TODAY, "payment:t-1")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void paymentEnteredBeforeItsContractButAfterItsSigningIsInOrder() {
        var history = registered()
                .then(approved(APPROVED))
                .then(payment("t-1", APPROVED.plusDays(3), "100000", BUILDER, "c-1", null))
                .then(signed(works("c-1", BUILDER, "1000000"), APPROVED.plusDays(2)));

        assertThat(levelOf(rule, history, TODAY, "payment:t-1")).isEqualTo(RiskLevel.GREEN);
    }
}
