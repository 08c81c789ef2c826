package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class CumulativeVariationTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);
    private final CumulativeVariation rule = new CumulativeVariation();

    /** A 1,000,000 contract raised in two change orders, first by 50,000 and then to {@code finalValue}. */
    private static ProjectHistory raisedTo(String finalValue) {
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(works("c-1", BUILDER, "1000000"))
                .then(valueChange("c-1", "v-1", LocalDate.of(2025, 5, 1), "1000000", "1050000"))
                .then(valueChange("c-1", "v-2", LocalDate.of(2025, 9, 1), "1050000", finalValue));
    }

    @Test
    void variationOfTenPercentIsStillGreen() {
        assertThat(levelOf(rule, raisedTo("1100000"), TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void cumulativeVariationTurnsYellowAboveTenPercent() {
        assertThat(levelOf(rule, raisedTo("1100001"), TODAY, "contract:c-1")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void variationOfTwentyPercentIsYellowNotRed() {
        assertThat(levelOf(rule, raisedTo("1200000"), TODAY, "contract:c-1")).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void cumulativeVariationTurnsRedAboveTwentyPercent() {
        var red = condition(rule, raisedTo("1200001"), TODAY, "contract:c-1").orElseThrow();

        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.numbers()).containsEntry("variation", new java.math.BigDecimal("200001.00"));
        assertThat(red.evidence()).containsExactly(102L, 103L, 104L);
    }

    @Test
    void priceCutsDoNotCountAsVariationRisk() {
        assertThat(levelOf(rule, raisedTo("700000"), TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }
}
