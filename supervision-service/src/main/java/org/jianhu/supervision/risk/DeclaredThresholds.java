package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thresholds each indicator of the catalogue has: its unit and its default (DOMAIN.md's table), and, where
 * an indicator has a yellow and a red threshold of one measure, which way is worse, so that yellow always stays
 * the milder warning. R05's yellow (change orders in a year) and red (price changes in 90 days) measure
 * different things, so they are not such a pair.
 */
final class DeclaredThresholds {

    /** A yellow and a red threshold of one measure: {@code largerIsWorse} for "above", false for "below". */
    record Pair(String yellow, String red, boolean largerIsWorse) {
    }

    private record Declared(ThresholdUnit unit, BigDecimal defaultValue) {
    }

    static final DeclaredThresholds STANDARD = new DeclaredThresholds()
            .rule("R01").with("yellowPoints", ThresholdUnit.PERCENT, "15").with("redPoints", ThresholdUnit.PERCENT, "30")
            .worseAbove("yellowPoints", "redPoints")
            .rule("R02")
            .rule("R03").with("yellowDays", ThresholdUnit.DAYS, "0").with("redDays", ThresholdUnit.DAYS, "30")
            .worseAbove("yellowDays", "redDays")
            .rule("R04").with("yellowPercent", ThresholdUnit.PERCENT, "10").with("redPercent", ThresholdUnit.PERCENT, "20")
            .worseAbove("yellowPercent", "redPercent")
            .rule("R05").with("yellowCount", ThresholdUnit.COUNT, "3").with("yellowWindowDays", ThresholdUnit.DAYS, "365")
            .with("redValueChanges", ThresholdUnit.COUNT, "2").with("redWindowDays", ThresholdUnit.DAYS, "90")
            .rule("R06")
            .rule("R07").with("yellowPercent", ThresholdUnit.PERCENT, "90").with("redPercent", ThresholdUnit.PERCENT, "100")
            .worseAbove("yellowPercent", "redPercent")
            .rule("R08")
            .rule("R09").with("yellowPercent", ThresholdUnit.PERCENT, "10").with("redPercent", ThresholdUnit.PERCENT, "25")
            .worseAbove("yellowPercent", "redPercent")
            .rule("R10")
            .rule("R11").with("maxTenderers", ThresholdUnit.COUNT, "1")
            .rule("R12").with("redMinDays", ThresholdUnit.DAYS, "20")
            .rule("R13").mustTender()
            .rule("R14").mustTender().with("windowDays", ThresholdUnit.DAYS, "180")
            .with("minAwards", ThresholdUnit.COUNT, "2")
            .rule(RepeatWinner.ID).with("yellowCount", ThresholdUnit.COUNT, "3").with("redCount", ThresholdUnit.COUNT, "5")
            .with("windowDays", ThresholdUnit.DAYS, "365")
            .worseAbove("yellowCount", "redCount")
            .rule("R16").with("yellowPercent", ThresholdUnit.PERCENT, "1")
            .rule("R17").with("minDays", ThresholdUnit.DAYS, "60");

    private final Map<String, Map<String, Declared>> declared = new LinkedHashMap<>();
    private final Map<String, List<Pair>> pairs = new LinkedHashMap<>();
    private String rule;

    /** The declarations that follow are of this indicator's thresholds. */
    DeclaredThresholds rule(String ruleId) {
        rule = ruleId;
        declared.put(ruleId, new LinkedHashMap<>());
        pairs.put(ruleId, new ArrayList<>());
        return this;
    }

    DeclaredThresholds with(String name, ThresholdUnit unit, String defaultValue) {
        declared.get(rule).put(name, new Declared(unit, new BigDecimal(defaultValue)));
        return this;
    }

    private DeclaredThresholds mustTender() {
        MustTenderThresholds.DEFAULTS.forEach((name, value) -> with(name, ThresholdUnit.AMOUNT, value.toPlainString()));
        return this;
    }

    /** A larger value is worse: yellow must stay below red. */
    DeclaredThresholds worseAbove(String yellow, String red) {
        pairs.get(rule).add(new Pair(yellow, red, true));
        return this;
    }

    /** A smaller value is worse (a shorter period): yellow must stay above red. */
    DeclaredThresholds worseBelow(String yellow, String red) {
        pairs.get(rule).add(new Pair(yellow, red, false));
        return this;
    }

    Map<String, Map<String, BigDecimal>> defaults() {
        Map<String, Map<String, BigDecimal>> defaults = new LinkedHashMap<>();
        declared.forEach((ruleId, thresholds) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            thresholds.forEach((name, threshold) -> values.put(name, threshold.defaultValue()));
            defaults.put(ruleId, Map.copyOf(values));
        });
        return defaults;
    }

    /** The unit of one of a rule's thresholds; one the catalogue does not declare is a plain {@code NUMBER}. */
    ThresholdUnit unitOf(String ruleId, String name) {
        return Optional.ofNullable(declared.getOrDefault(ruleId, Map.of()).get(name)).map(Declared::unit)
                .orElse(ThresholdUnit.NUMBER);
    }

    /**
     * Refuses a change of a rule's thresholds ({@code merged}: all of them once {@code changes} are made) that
     * gives a value outside its unit, or leaves yellow no milder than red; names the changed threshold at fault.
     */
    void check(String ruleId, Map<String, BigDecimal> changes, Map<String, BigDecimal> merged) {
        changes.forEach((name, value) -> unitOf(ruleId, name).fault(name, value).ifPresent(fault -> {
            throw new Thresholds.Refused(name, fault);
        }));
        for (Pair pair : pairs.getOrDefault(ruleId, List.of())) {
            BigDecimal yellow = merged.get(pair.yellow());
            BigDecimal red = merged.get(pair.red());
            if (yellow == null || red == null || (pair.largerIsWorse() ? yellow.compareTo(red) < 0 : yellow.compareTo(red) > 0)) {
                continue;
            }
            String below = pair.largerIsWorse() ? "less" : "more";
            String above = pair.largerIsWorse() ? "more" : "less";
            throw changes.containsKey(pair.yellow())
                    ? new Thresholds.Refused(pair.yellow(), pair.yellow() + " must be " + below + " than " + pair.red()
                    + " (" + red.toPlainString() + "), not " + yellow.toPlainString() + ": yellow is the milder warning")
                    : new Thresholds.Refused(pair.red(), pair.red() + " must be " + above + " than " + pair.yellow()
                    + " (" + yellow.toPlainString() + "), not " + red.toPlainString() + ": red is the graver warning");
        }
    }
}
