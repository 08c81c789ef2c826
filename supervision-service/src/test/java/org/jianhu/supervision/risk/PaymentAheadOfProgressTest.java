package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class PaymentAheadOfProgressTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private final PaymentAheadOfProgress rule = new PaymentAheadOfProgress();

    /** A 10,000,000 works contract at 10 % physical progress, with {@code paid} paid on it. */
    private static ProjectHistory paidAtTenPercentProgress(String paid) {
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(approved(LocalDate.of(2025, 1, 10)))
                .then(works("c-1", BUILDER, "10000000"))
                .then(progress("10", LocalDate.of(2025, 5, 1)))
                .then(payment("t-1", LocalDate.of(2025, 5, 2), paid, BUILDER, "c-1", null));
    }

    @Test
    void paymentFifteenPointsAheadIsStillGreen() {
        assertThat(levelOf(rule, paidAtTenPercentProgress("2500000"), TODAY, "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void paymentAheadOfProgressTurnsYellowAboveFifteenPoints() {
        assertThat(levelOf(rule, paidAtTenPercentProgress("2500100"), TODAY, "project")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void paymentThirtyPointsAheadIsYellowNotRed() {
        assertThat(levelOf(rule, paidAtTenPercentProgress("4000000"), TODAY, "project")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void paymentAheadOfProgressRaisesRedAboveThirtyPoints() {
        var history = paidAtTenPercentProgress("4000100");

        SignalCondition red = condition(rule, history, TODAY, "project").orElseThrow();

        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.ruleId()).isEqualTo("R01");
        assertThat(red.ruleVersion()).isEqualTo(1);
        assertThat(red.numbers()).containsEntry("gapPoints", new BigDecimal("30.001"))
                .containsEntry("redPoints", new BigDecimal("30"));
        assertThat(red.evidence()).containsExactly(103L, 104L, 105L);
    }

    @Test
    void theExplanationRoundsTheGapWhileTheNumbersKeepItExact() {
        SignalCondition red = condition(rule, paidAtTenPercentProgress("4000100"), TODAY, "project").orElseThrow();

        assertThat(red.numbers()).containsEntry("financialProgressPercent", new BigDecimal("40.001"))
                .containsEntry("gapPoints", new BigDecimal("30.001"));
        assertThat(red.explanationZh())
                .isEqualTo("资金支付进度40%，实物进度10%，超前30个百分点（超过15个百分点为黄色，超过30个百分点为红色）");
        assertThat(red.explanationEn()).isEqualTo("Financial progress 40% is 30 points ahead of physical progress 10% "
                + "(yellow above 15 points, red above 30 points)");
    }

    @Test
    void progressCatchingUpClearsTheSignal() {
        var history = paidAtTenPercentProgress("4000100").then(progress("40", LocalDate.of(2025, 6, 1)));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void paymentWithNoProgressReportedCountsAsNothingBuilt() {
        var history = empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(works("c-1", BUILDER, "10000000"))
                .then(payment("t-1", LocalDate.of(2025, 5, 2), "1600000", BUILDER, "c-1", null));

        assertThat(levelOf(rule, history, TODAY, "project")).isEqualTo(RiskLevel.YELLOW);
    }
}
