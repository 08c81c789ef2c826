package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class ShortTenderPeriodTest {

    private static final LocalDate ISSUED = LocalDate.of(2025, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private final ShortTenderPeriod rule = new ShortTenderPeriod();

    private static ProjectHistory tenderOf(String method, int days) {
        return empty().then(award("c-1", "construction", method, 5, period(ISSUED, ISSUED.plusDays(days)), null,
                BUILDER, "1000000"));
    }

    @Test
    void tenderPeriodOfNineteenDaysIsRed() {
        var red = condition(rule, tenderOf("open", 19), TODAY, "contract:c-1").orElseThrow();

        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.numbers()).containsEntry("tenderDays", 19L);
    }

    @Test
    void tenderPeriodOfTwentyDaysIsLawful() {
        assertThat(levelOf(rule, tenderOf("open", 20), TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void tenderPeriodOfTwentyOneDaysIsLawful() {
        assertThat(levelOf(rule, tenderOf("selective", 21), TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void directAwardHasNoTenderPeriodToJudge() {
        assertThat(levelOf(rule, tenderOf("direct", 5), TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }
}
