package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The deployment's thresholds, per rule id and threshold name (e.g. R01 → yellowPoints 15,
 * redPoints 30). Defaults follow the catalogue; administrators may change them (versioned).
 */
public final class Thresholds {

    private final Map<String, Map<String, BigDecimal>> values;

    public Thresholds(Map<String, Map<String, BigDecimal>> values) {
        this.values = Map.copyOf(values);
    }

    public static Thresholds defaults() {
        var defaults = new LinkedHashMap<String, Map<String, BigDecimal>>();
        defaults.put("R01", Map.of("yellowPoints", bd("15"), "redPoints", bd("30")));
        defaults.put("R02", Map.of());
        defaults.put("R03", Map.of("yellowDays", bd("0"), "redDays", bd("30")));
        defaults.put("R04", Map.of("yellowPercent", bd("10"), "redPercent", bd("20")));
        defaults.put("R05", Map.of("yellowCount", bd("3"), "yellowWindowDays", bd("365"),
                "redValueChanges", bd("2"), "redWindowDays", bd("90")));
        defaults.put("R06", Map.of());
        defaults.put("R07", Map.of("yellowPercent", bd("90"), "redPercent", bd("100")));
        defaults.put("R08", Map.of());
        defaults.put("R09", Map.of("yellowPercent", bd("10"), "redPercent", bd("25")));
        defaults.put("R10", Map.of());
        defaults.put("R11", Map.of("maxTenderers", bd("1")));
        defaults.put("R12", Map.of("redMinDays", bd("20")));
        defaults.put("R13", MustTenderThresholds.DEFAULTS);
        var splitting = new HashMap<>(MustTenderThresholds.DEFAULTS);
        splitting.put("windowDays", bd("180"));
        splitting.put("minAwards", bd("2"));
        defaults.put("R14", splitting);
        defaults.put("R15", Map.of("yellowCount", bd("3"), "redCount", bd("5"), "windowDays", bd("365")));
        defaults.put("R16", Map.of("yellowPercent", bd("1")));
        defaults.put("R17", Map.of("minDays", bd("60")));
        defaults.put("R18", Map.of("yellowDays", bd("15"), "redDays", bd("60")));
        return new Thresholds(defaults);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    public BigDecimal get(String ruleId, String name) {
        return values.getOrDefault(ruleId, Map.of()).get(name);
    }

    /** Like {@link #get} but a missing threshold is a configuration error, not a silent "never trips". */
    public BigDecimal require(String ruleId, String name) {
        BigDecimal value = get(ruleId, name);
        if (value == null) {
            throw new IllegalStateException("no threshold " + name + " for rule " + ruleId);
        }
        return value;
    }

    /**
     * One rule's thresholds with some of them changed, the others as they are. A change names at least one
     * threshold, only thresholds the rule has (any while it has none, named with its unit), each a number its
     * unit allows ({@link ThresholdUnit}); and where a rule colours by a yellow and a red threshold of one
     * measure, yellow stays below red (every such pair here is "the more, the worse").
     */
    public Map<String, BigDecimal> changed(String ruleId, Map<String, BigDecimal> changes) {
        Map<String, BigDecimal> known = values.getOrDefault(ruleId, Map.of());
        changes.forEach((name, value) -> {
            if (!known.isEmpty() && !known.containsKey(name)) {
                throw new InvalidThreshold(name, "rule " + ruleId + " has no threshold " + name + "; it has "
                        + new TreeSet<>(known.keySet()));
            }
            if (value == null || value.signum() < 0) {
                throw new InvalidThreshold(name, "threshold " + name + " must be a number at least 0");
            }
            ThresholdUnit unit = ThresholdUnit.of(name).orElseThrow(() -> new InvalidThreshold(name,
                    "threshold " + name + " must end in its unit: Points, Percent, Days, Count or Amount"));
            unit.fault(name, value).ifPresent(fault -> {
                throw new InvalidThreshold(name, fault);
            });
        });
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("name at least one threshold to change");
        }
        var merged = new HashMap<>(known);
        merged.putAll(changes);
        yellowBelowRed(merged);
        return merged;
    }

    private static void yellowBelowRed(Map<String, BigDecimal> thresholds) {
        thresholds.forEach((name, yellow) -> {
            if (!name.startsWith("yellow")) {
                return;
            }
            String redName = "red" + name.substring("yellow".length());
            BigDecimal red = thresholds.get(redName);
            if (red != null && yellow.compareTo(red) >= 0) {
                throw new InvalidThreshold(name, name + " (" + yellow.toPlainString() + ") must be below " + redName
                        + " (" + red.toPlainString() + "): yellow warns before red");
            }
        });
    }

    /** A copy with the thresholds of one rule replaced. */
    public Thresholds with(String ruleId, Map<String, BigDecimal> ruleValues) {
        var copy = new HashMap<>(values);
        copy.put(ruleId, Map.copyOf(ruleValues));
        return new Thresholds(copy);
    }

    public Map<String, Map<String, BigDecimal>> asMap() {
        return values;
    }
}
