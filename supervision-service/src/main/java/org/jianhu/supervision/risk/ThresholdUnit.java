package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a threshold counts, read off the end of its name ({@code yellowPoints}, {@code windowDays},
 * {@code worksAmount} …), and the values that make sense for it: a threshold nobody means (1e400 days, half a
 * tenderer) would silence or flood a rule for every project at once.
 */
enum ThresholdUnit {

    POINTS(List.of("Points"), new BigDecimal("100"), false, "percentage points"),
    PERCENT(List.of("Percent"), new BigDecimal("1000"), false, "percent"),
    DAYS(List.of("Days"), new BigDecimal("3650"), true, "days"),
    COUNT(List.of("Count", "Tenderers", "Awards", "Changes"), new BigDecimal("1000"), true, "a count"),
    AMOUNT(List.of("Amount"), BigDecimal.TEN.pow(15), false, "CNY");

    private final List<String> suffixes;
    private final BigDecimal max;
    private final boolean whole;
    private final String words;

    ThresholdUnit(List<String> suffixes, BigDecimal max, boolean whole, String words) {
        this.suffixes = suffixes;
        this.max = max;
        this.whole = whole;
        this.words = words;
    }

    static Optional<ThresholdUnit> of(String name) {
        return Arrays.stream(values()).filter(unit -> unit.suffixes.stream().anyMatch(name::endsWith)).findFirst();
    }

    /** What is wrong with the value for this unit, or nothing. */
    Optional<String> fault(String name, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            return Optional.of(name + " must be between 0 and " + max.toPlainString() + " (" + words + "), not "
                    + abbreviated(value));
        }
        if (whole && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(name + " is a whole number of " + words + ", not " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return Optional.of(name + " has at most two decimals, not " + value.toPlainString());
        }
        return Optional.empty();
    }

    private static String abbreviated(BigDecimal value) {
        String plain = value.abs().compareTo(BigDecimal.TEN.pow(20)) > 0 ? value.toString() : value.toPlainString();
        return plain.length() > 30 ? plain.substring(0, 27) + "…" : plain;
    }
}
