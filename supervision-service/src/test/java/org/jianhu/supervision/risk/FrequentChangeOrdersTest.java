package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.levelOf;

class FrequentChangeOrdersTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private final FrequentChangeOrders rule = new FrequentChangeOrders();

    private static ProjectHistory contract() {
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(works("c-1", BUILDER, "1000000"));
    }

    @Test
    void twoScopeChangesInAYearAreGreen() {
        var history = contract().then(scopeChange("c-1", "s-1", FIRST), scopeChange("c-1", "s-2", FIRST.plusDays(10)));

        assertThat(levelOf(rule, history, TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void threeChangeOrdersWithin365DaysTurnYellow() {
        var history = contract().then(scopeChange("c-1", "s-1", FIRST), scopeChange("c-1", "s-2", FIRST.plusDays(100)),
                scopeChange("c-1", "s-3", FIRST.plusDays(364)));

        var yellow = condition(rule, history, TODAY, "contract:c-1").orElseThrow();

        assertThat(yellow.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(yellow.numbers()).containsEntry("modificationsInWindow", 3);
        assertThat(yellow.evidence()).containsExactly(102L, 103L, 104L, 105L);
    }

    @Test
    void threeChangeOrdersSpreadOver365DaysOrMoreAreGreen() {
        var history = contract().then(scopeChange("c-1", "s-1", FIRST), scopeChange("c-1", "s-2", FIRST.plusDays(100)),
                scopeChange("c-1", "s-3", FIRST.plusDays(365)));

        assertThat(levelOf(rule, history, TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void priceChangedTwiceWithin90DaysTurnsRed() {
        var history = contract().then(valueChange("c-1", "v-1", FIRST, "1000000", "1010000"),
                valueChange("c-1", "v-2", FIRST.plusDays(89), "1010000", "1020000"));

        assertThat(levelOf(rule, history, TODAY, "contract:c-1")).isEqualTo(RiskLevel.RED);
    }

    @Test
    void priceChangedTwice90DaysApartIsGreen() {
        var history = contract().then(valueChange("c-1", "v-1", FIRST, "1000000", "1010000"),
                valueChange("c-1", "v-2", FIRST.plusDays(90), "1010000", "1020000"));

        assertThat(levelOf(rule, history, TODAY, "contract:c-1")).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void onePriceChangeAmongScopeChangesIsNotRed() {
        var history = contract().then(valueChange("c-1", "v-1", FIRST, "1000000", "1010000"),
                scopeChange("c-1", "s-1", FIRST.plusDays(1)), scopeChange("c-1", "s-2", FIRST.plusDays(2)));

        assertThat(levelOf(rule, history, TODAY, "contract:c-1")).isEqualTo(RiskLevel.YELLOW);
    }
}
