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
    }

    @Test
    void everyCatalogueRuleHasDefaults() {
        assertThat(defaults.asMap()).containsKeys("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09",
                "R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17");
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
        refused("R01", Map.of("purplePoints", BigDecimal.ONE), "purplePoints",
                "rule R01 has no threshold purplePoints; it has [redPoints, yellowPoints]");
    }

    @Test
    void aRuleWithoutThresholdsTakesAnyName() {
        assertThat(defaults.changed("R02", Map.of("graceDays", BigDecimal.TEN))).containsOnlyKeys("graceDays");
    }

    @Test
    void aThresholdIsANumberAtLeastZero() {
        var unset = new HashMap<String, BigDecimal>();
        unset.put("redPoints", null);

        refused("R01", Map.of("redPoints", new BigDecimal("-1")), "redPoints",
                "redPoints must be a percentage from 0 to 1000 with at most 2 decimals, not -1");
        refused("R01", unset, "redPoints", "redPoints must be a percentage from 0 to 1000 with at most 2 decimals");
        assertThat(defaults.changed("R01", Map.of("yellowPoints", BigDecimal.ZERO)))
                .containsEntry("yellowPoints", BigDecimal.ZERO);
    }

    @Test
    void aNumberBeyondAnySensibleRangeIsRefusedNamingTheThreshold() {
        refused("R01", Map.of("redPoints", new BigDecimal("1e400")), "redPoints",
                "redPoints must be a percentage from 0 to 1000 with at most 2 decimals, not 1E+400");
    }

    @Test
    void eachThresholdIsHeldToTheRangeOfItsUnit() {
        refused("R04", Map.of("redPercent", new BigDecimal("1000.01")), "redPercent",
                "redPercent must be a percentage from 0 to 1000 with at most 2 decimals, not 1000.01");
        refused("R03", Map.of("redDays", new BigDecimal("3651")), "redDays",
                "redDays must be a whole number of days from 0 to 3650, not 3651");
        refused("R03", Map.of("redDays", new BigDecimal("30.5")), "redDays",
                "redDays must be a whole number of days from 0 to 3650, not 30.5");
        refused("R05", Map.of("yellowCount", new BigDecimal("1001")), "yellowCount",
                "yellowCount must be a whole number from 0 to 1000, not 1001");
        refused("R13", Map.of("worksAmount", new BigDecimal("1000000000000000.01")), "worksAmount",
                "worksAmount must be an amount in CNY from 0 to 1000000000000000 with at most 2 decimals, "
                        + "not 1000000000000000.01");

        assertThat(defaults.changed("R04", Map.of("redPercent", new BigDecimal("1000")))).containsEntry("redPercent",
                new BigDecimal("1000"));
        assertThat(defaults.changed("R03", Map.of("redDays", new BigDecimal("3650.0")))).containsKey("redDays");
        assertThat(defaults.changed("R13", Map.of("worksAmount", new BigDecimal("1000000000000000"))))
                .containsEntry("worksAmount", new BigDecimal("1000000000000000"));
    }

    @Test
    void yellowMustStayBelowRedWhereALargerValueIsWorse() {
        refused("R01", Map.of("yellowPoints", new BigDecimal("30")), "yellowPoints",
                "yellowPoints must be less than redPoints (30), not 30: yellow is the milder warning");
        refused("R15", Map.of("redCount", new BigDecimal("2")), "redCount",
                "redCount must be more than yellowCount (3), not 2: red is the graver warning");

        assertThat(defaults.changed("R01", Map.of("yellowPoints", new BigDecimal("40"), "redPoints", new BigDecimal("50"))))
                .containsEntry("yellowPoints", new BigDecimal("40")).containsEntry("redPoints", new BigDecimal("50"));
    }

    @Test
    void yellowMustStayAboveRedWhereASmallerValueIsWorse() {
        DeclaredThresholds tenderPeriod = new DeclaredThresholds().rule("X12")
                .with("yellowMinDays", ThresholdUnit.DAYS, "30").with("redMinDays", ThresholdUnit.DAYS, "20")
                .worseBelow("yellowMinDays", "redMinDays");
        Thresholds thresholds = new Thresholds(tenderPeriod.defaults(), tenderPeriod);

        refused(thresholds, "X12", Map.of("yellowMinDays", new BigDecimal("15")), "yellowMinDays",
                "yellowMinDays must be more than redMinDays (20), not 15: yellow is the milder warning");
        assertThat(thresholds.changed("X12", Map.of("redMinDays", new BigDecimal("25"))))
                .containsEntry("redMinDays", new BigDecimal("25"));
    }

    @Test
    void aThresholdTheCatalogueDoesNotDeclareIsHeldToTheWidestBound() {
        refused("R02", Map.of("graceDays", new BigDecimal("1e16")), "graceDays",
                "graceDays must be a number from 0 to 1000000000000000 with at most 2 decimals, not 1E+16");
    }

    @Test
    void aChangeNamesAtLeastOneThreshold() {
        assertThatThrownBy(() -> defaults.changed("R01", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name at least one threshold to change");
    }

    private void refused(String ruleId, Map<String, BigDecimal> changes, String threshold, String message) {
        refused(defaults, ruleId, changes, threshold, message);
    }

    private static void refused(Thresholds thresholds, String ruleId, Map<String, BigDecimal> changes,
                                String threshold, String message) {
        assertThatThrownBy(() -> thresholds.changed(ruleId, changes))
                .isInstanceOfSatisfying(Thresholds.Refused.class,
                        refused -> assertThat(refused.threshold()).isEqualTo(threshold))
                .hasMessage(message);
    }
}
