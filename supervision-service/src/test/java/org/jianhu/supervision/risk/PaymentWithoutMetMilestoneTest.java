package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.evaluate;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class PaymentWithoutMetMilestoneTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private static final LocalDate PAID_ON = LocalDate.of(2025, 5, 10);
    private final PaymentWithoutMetMilestone rule = new PaymentWithoutMetMilestone();

    private static ProjectHistory paymentForMilestone(String milestoneId) {
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(works("c-1", BUILDER, "10000000"))
                .then(milestone("m-1", LocalDate.of(2025, 6, 30)))
                .then(payment("t-1", PAID_ON, "500000", BUILDER, "c-1", milestoneId));
    }

    @Test
    void paymentLinkedToScheduledMilestoneIsRed() {
        var conditions = evaluate(rule, paymentForMilestone("m-1"), TODAY);

        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("payment:t-1");
            assertThat(c.level()).isEqualTo(RiskLevel.RED);
            assertThat(c.evidence()).containsExactly(103L, 104L);
        });
    }

    @Test
    void milestoneMetOnThePaymentDateClearsIt() {
        var history = paymentForMilestone("m-1").then(met("m-1", PAID_ON));

        assertThat(levelOf(rule, history, TODAY, "payment:t-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void milestoneMetOnlyAfterThePaymentStaysRed() {
        var history = paymentForMilestone("m-1").then(met("m-1", PAID_ON.plusDays(1)));

        assertThat(levelOf(rule, history, TODAY, "payment:t-1")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void paymentLinkedToUnknownMilestoneIsRed() {
        assertThat(levelOf(rule, paymentForMilestone("m-9"), TODAY, "payment:t-1")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void paymentWithoutMilestoneLinkIsNotJudged() {
        assertThat(evaluate(rule, paymentForMilestone(null), TODAY)).isEmpty();
    }
}
