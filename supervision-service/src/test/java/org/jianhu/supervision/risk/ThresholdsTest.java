package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {

    private final Thresholds defaults = Thresholds.defaults();

    @Test
    void defaultsFollowTheCatalogue() {
        assertThat(defaults.get("R01", "yellowPoints")).isEqualByComparingTo("15");
        assertThat(defaults.get("R01", "redPoints")).isEqualByComparingTo("30");
        assertThat(defaults.get("R03", "redDays")).isEqualByComparingTo("30");
        assertThat(defaults.get("R04", "redPercent")).isEqualByComparingTo("20");
        assertThat(defaults.get("R05", "yellowWindowDays")).isEqualByComparingTo("365");
        assertThat(defaults.get("R07", "yellowPercent")).isEqualByComparingTo("90");
        assertThat(defaults.get("R09", "redPercent")).isEqualByComparingTo("25");
        assertThat(defaults.get("R12", "redMinDays")).isEqualByComparingTo("20");
        assertThat(defaults.get("R13", "worksAmount")).isEqualByComparingTo("4000000");
        assertThat(defaults.get("R13", "goodsAmount")).isEqualByComparingTo("2000000");
        assertThat(defaults.get("R13", "servicesAmount")).isEqualByComparingTo("1000000");
        assertThat(defaults.get("R14", "windowDays")).isEqualByComparingTo("180");
        assertThat(defaults.get("R15", "redCount")).isEqualByComparingTo("5");
        assertThat(defaults.get("R16", "yellowPercent")).isEqualByComparingTo("1");
        assertThat(defaults.get("R17", "minDays")).isEqualByComparingTo("60");
        assertThat(defaults.get("R18", "yellowDays")).isEqualByComparingTo("15");
        assertThat(defaults.get("R18", "redDays")).isEqualByComparingTo("60");
    }

    @Test
    void everyCatalogueRuleHasDefaults() {
        assertThat(defaults.asMap()).containsKeys("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09",
                "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17", "R18");
    }

    @Test
    void changedThresholdChangesTheVerdict() {
        var stricter = defaults.with("R01", Map.of("yellowPoints", new BigDecimal("1"), "redPoints", new BigDecimal("10")));
        var facts = ProjectHistory.healthy().facts();

        assertThat(new PaymentAheadOfProgress().evaluate(facts, stricter, ProjectHistory.HEALTHY_TODAY))
                .singleElement().satisfies(c -> assertThat(c.level()).isEqualTo(RiskLevel.YELLOW));
        assertThat(defaults.get("R01", "redPoints")).isEqualByComparingTo("30");
    }

    @Test
    void missingThresholdIsAConfigurationErrorNotSilence() {
        var broken = defaults.with("R01", Map.of());

        assertThatThrownBy(() -> new PaymentAheadOfProgress().evaluate(ProjectHistory.healthy().facts(), broken,
                LocalDate.of(2025, 7, 1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("R01");
    }

    @Test
    void aChangeKeepsTheRulesOtherThresholds() {
        assertThat(defaults.changed("R01", Map.of("redPoints", new BigDecimal("25"))))
                .containsOnlyKeys("yellowPoints", "redPoints")
                .containsEntry("yellowPoints", new BigDecimal("15"))
                .containsEntry("redPoints", new BigDecimal("25"));
    }

    @Test
    void aChangeNamesOnlyThresholdsTheRuleHas() {
        assertThatThrownBy(() -> defaults.changed("R01", Map.of("purplePoints", BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule R01 has no threshold purplePoints; it has [redPoints, yellowPoints]");
    }

    @Test
    void aRuleWithoutThresholdsTakesAnyName() {
        assertThat(defaults.changed("R02", Map.of("graceDays", BigDecimal.TEN))).containsOnlyKeys("graceDays");
    }

    @Test
    void aThresholdIsANumberAtLeastZero() {
        var unset = new HashMap<String, BigDecimal>();
        unset.put("redPoints", null);

        assertThatThrownBy(() -> defaults.changed("R01", Map.of("redPoints", new BigDecimal("-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> defaults.changed("R01", unset))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 0");
        assertThat(defaults.changed("R01", Map.of("yellowPoints", BigDecimal.ZERO)))
                .containsEntry("yellowPoints", BigDecimal.ZERO);
    }

    @Test
    void aChangeNamesAtLeastOneThreshold() {
        assertThatThrownBy(() -> defaults.changed("R01", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name at least one threshold to change");
    }

    @Test
    void aThresholdIsWithinWhatItsUnitAllows() {
        assertThatThrownBy(() -> defaults.changed("R01", Map.of("redPoints", new BigDecimal("1e400"))))
                .isInstanceOfSatisfying(InvalidThreshold.class, refused -> assertThat(refused.threshold()).isEqualTo("redPoints"))
                .hasMessageStartingWith("redPoints must be between 0 and 100 (percentage points)");
        assertThatThrownBy(() -> defaults.changed("R05", Map.of("yellowWindowDays", new BigDecimal("4000"))))
                .hasMessageStartingWith("yellowWindowDays must be between 0 and 3650 (days)");
        assertThatThrownBy(() -> defaults.changed("R11", Map.of("maxTenderers", new BigDecimal("1.5"))))
                .hasMessage("maxTenderers is a whole number of a count, not 1.5");
        assertThatThrownBy(() -> defaults.changed("R13", Map.of("worksAmount", new BigDecimal("1e16"))))
                .hasMessageStartingWith("worksAmount must be between 0 and 1000000000000000 (CNY)");
        assertThat(defaults.changed("R04", Map.of("redPercent", new BigDecimal("250")))).containsEntry("redPercent",
                new BigDecimal("250"));
    }

    @Test
    void yellowWarnsBeforeRed() {
        assertThatThrownBy(() -> defaults.changed("R01", Map.of("yellowPoints", new BigDecimal("40"))))
                .isInstanceOfSatisfying(InvalidThreshold.class, refused -> assertThat(refused.threshold()).isEqualTo("yellowPoints"))
                .hasMessage("yellowPoints (40) must be below redPoints (30): yellow warns before red");
        assertThatThrownBy(() -> defaults.changed("R15", Map.of("yellowCount", new BigDecimal("5"))))
                .hasMessageContaining("must be below redCount (5)");
        assertThatThrownBy(() -> defaults.changed("R18", Map.of("yellowDays", new BigDecimal("60"))))
                .isInstanceOfSatisfying(InvalidThreshold.class, refused -> assertThat(refused.threshold()).isEqualTo("yellowDays"))
                .hasMessage("yellowDays (60) must be below redDays (60): yellow warns before red");
        assertThatThrownBy(() -> defaults.changed("R18", Map.of("redDays", new BigDecimal("7.5"))))
                .hasMessage("redDays is a whole number of days, not 7.5");
        assertThat(defaults.changed("R01", Map.of("yellowPoints", new BigDecimal("35"), "redPoints", new BigDecimal("40"))))
                .containsEntry("yellowPoints", new BigDecimal("35"));
    }

    @Test
    void aNewThresholdOfARuleWithoutAnyNamesItsUnit() {
        assertThatThrownBy(() -> defaults.changed("R02", Map.of("grace", BigDecimal.TEN)))
                .hasMessage("threshold grace must end in its unit: Points, Percent, Days, Count or Amount");
    }
}
