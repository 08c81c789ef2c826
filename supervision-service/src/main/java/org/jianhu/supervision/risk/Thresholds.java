package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The deployment's thresholds, per rule id and threshold name (e.g. R01 → yellowPoints 15,
 * redPoints 30). Defaults follow the catalogue ({@link DeclaredThresholds}); administrators may change
 * them (versioned), within what each threshold's unit allows.
 */
public final class Thresholds {

    /** A change of thresholds refused, naming the threshold at fault. */
    public static class Refused extends IllegalArgumentException {

        private final String threshold;

        Refused(String threshold, String message) {
            super(message);
            this.threshold = threshold;
        }

        public String threshold() {
            return threshold;
        }
    }

    private final Map<String, Map<String, BigDecimal>> values;
    private final DeclaredThresholds declared;

    public Thresholds(Map<String, Map<String, BigDecimal>> values) {
        this(values, DeclaredThresholds.STANDARD);
    }

    Thresholds(Map<String, Map<String, BigDecimal>> values, DeclaredThresholds declared) {
        this.values = Map.copyOf(values);
        this.declared = declared;
    }

    public static Thresholds defaults() {
        return new Thresholds(DeclaredThresholds.STANDARD.defaults());
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
     * One rule's thresholds with some of them changed, the others as they are. A change names at least
     * one threshold, only thresholds the rule has (any while it has none), each within its unit
     * ({@link ThresholdUnit}), and leaves each yellow threshold milder than its red one.
     */
    public Map<String, BigDecimal> changed(String ruleId, Map<String, BigDecimal> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("name at least one threshold to change");
        }
        Map<String, BigDecimal> known = values.getOrDefault(ruleId, Map.of());
        changes.keySet().stream().filter(name -> !known.isEmpty() && !known.containsKey(name)).findFirst()
                .ifPresent(name -> {
                    throw new Refused(name, "rule " + ruleId + " has no threshold " + name + "; it has "
                            + new TreeSet<>(known.keySet()));
                });
        var merged = new HashMap<>(known);
        merged.putAll(changes);
        declared.check(ruleId, changes, merged);
        return merged;
    }

    /** A copy with the thresholds of one rule replaced. */
    public Thresholds with(String ruleId, Map<String, BigDecimal> ruleValues) {
        var copy = new HashMap<>(values);
        copy.put(ruleId, Map.copyOf(ruleValues));
        return new Thresholds(copy, declared);
    }

    public Map<String, Map<String, BigDecimal>> asMap() {
        return values;
    }
}
