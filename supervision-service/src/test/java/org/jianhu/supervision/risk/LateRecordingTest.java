package org.jianhu.supervision.risk;

import org.jianhu.contracts.project.RectificationReported;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.evaluate;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class LateRecordingTest {

    private static final LocalDate ENTERED = LocalDate.of(2026, 12, 2);
    private static final LocalDate REGISTERED = LocalDate.of(2025, 1, 2);
    private final LateRecording rule = new LateRecording();

    private static ProjectHistory liveProject() {
        return empty().on(REGISTERED).then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    private static ProjectHistory paidOn(LocalDate paid, LocalDate recorded) {
        return liveProject().on(recorded).then(payment("t-1", paid, "300000", BUILDER, null, null));
    }

    @Test
    void aHistoryEnteredYearsLaterInBusinessDateOrderIsNotLate() {
        var history = empty().on(ENTERED).then(
                registered("20000000", LocalDate.of(2017, 3, 1), LocalDate.of(2018, 10, 31)),
                approved(LocalDate.of(2017, 2, 15)),
                payment("t-1", LocalDate.of(2017, 5, 20), "300000", BUILDER, null, null),
                failedInspection("i-1", LocalDate.of(2017, 8, 10), LocalDate.of(2017, 9, 10)),
                payment("t-2", LocalDate.of(2018, 1, 5), "300000", BUILDER, null, null));

        assertThat(evaluate(rule, history, ENTERED)).isEmpty();
    }

    @Test
    void aPaymentEnteredAfterLaterFactsOfItsProjectIsLateByHowFarTheHistoryHadGone() {
        var history = empty().on(ENTERED).then(
                registered("20000000", LocalDate.of(2017, 3, 1), LocalDate.of(2018, 10, 31)),
                progress("20", LocalDate.of(2017, 6, 25)),
                payment("t-1", LocalDate.of(2017, 5, 20), "300000", BUILDER, null, null));

        var late = condition(rule, history, ENTERED, "payment:t-1").orElseThrow();
        assertThat(late.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(late.numbers()).containsEntry("delayDays", 36L)
                .containsEntry("recordedAsOf", LocalDate.of(2017, 6, 25));
        assertThat(late.evidence()).containsExactly(103L);
        assertThat(late.explanationEn()).isEqualTo("Payment t-1 (CNY 300,000) of 2017-05-20 was recorded on 2026-12-02 "
                + "after facts of the project up to 2017-06-25: 36 days late");
    }

    @Test
    void aPaymentRecordedFortyDaysAfterItWasMadeOnALiveProjectIsYellow() {
        var late = condition(rule, paidOn(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 10)), ENTERED,
                "payment:t-1").orElseThrow();

        assertThat(late.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(late.explanationZh()).isEqualTo("支付t-1（30万元）发生于2025-03-01，2025-04-10才录入，迟报40天");
        assertThat(late.explanationEn()).isEqualTo("Payment t-1 (CNY 300,000) of 2025-03-01 was recorded on 2025-04-10: "
                + "40 days late");
    }

    @Test
    void yellowIsMoreThanFifteenDaysLateAndRedMoreThanSixty() {
        LocalDate paid = LocalDate.of(2025, 3, 1);
        assertThat(levelOf(rule, paidOn(paid, paid.plusDays(15)), ENTERED, "payment:t-1")).isEqualTo(RiskLevel.GREEN);
        assertThat(levelOf(rule, paidOn(paid, paid.plusDays(16)), ENTERED, "payment:t-1")).isEqualTo(RiskLevel.YELLOW);
        assertThat(levelOf(rule, paidOn(paid, paid.plusDays(60)), ENTERED, "payment:t-1")).isEqualTo(RiskLevel.YELLOW);
        assertThat(levelOf(rule, paidOn(paid, paid.plusDays(61)), ENTERED, "payment:t-1")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void aPaymentDatedAfterItsRecordingIsNotLate() {
        assertThat(evaluate(rule, paidOn(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 10)), ENTERED)).isEmpty();
    }

    @Test
    void anInspectionRecordedLateIsJudgedOnTheInspectionsEvent() {
        var history = liveProject().on(LocalDate.of(2025, 6, 1))
                .then(failedInspection("i-1", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 20)))
                .on(LocalDate.of(2025, 6, 2))
                .then(new RectificationReported(PROJECT, "i-1", LocalDate.of(2025, 6, 2), "done"));

        var late = condition(rule, history, ENTERED, "inspection:i-1").orElseThrow();
        assertThat(late.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(late.numbers()).containsEntry("delayDays", 31L);
        assertThat(late.evidence()).containsExactly(102L);
        assertThat(late.explanationEn()).isEqualTo("Inspection i-1 (主体结构) of 2025-05-01 was recorded on 2025-06-01: 31 days late");
    }
}
