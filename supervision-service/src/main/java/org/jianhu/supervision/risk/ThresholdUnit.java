package org.jianhu.supervision.risk;

import org.jianhu.servicesupport.input.InputPolicy;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a threshold measures, and so the values an administrator may give it: each finite, from 0 to a bound
 * that still makes sense, in steps the rules can judge by (a rule counts whole days and whole change orders).
 */
enum ThresholdUnit {

    /** Percentages and percentage points: a share may go beyond 100 %, not beyond ten times that. */
    PERCENT("a percentage", new BigDecimal("1000"), 2),
    DAYS("a whole number of days", new BigDecimal("3650"), 0),
    COUNT("a whole number", new BigDecimal("1000"), 0),
    AMOUNT("an amount in CNY", InputPolicy.MAX_AMOUNT, InputPolicy.AMOUNT_SCALE),
    /** A threshold the catalogue does not declare (a rule without any): held to the widest bound, an amount's. */
    NUMBER("a number", InputPolicy.MAX_AMOUNT, InputPolicy.AMOUNT_SCALE);

    private final String described;
    private final BigDecimal max;
    private final int scale;

    ThresholdUnit(String described, BigDecimal max, int scale) {
        this.described = described;
        this.max = max;
        this.scale = scale;
    }

    /** What is wrong with {@code value} for the threshold {@code name}, in plain words, or nothing. */
    Optional<String> fault(String name, BigDecimal value) {
        if (value != null && value.signum() >= 0 && value.compareTo(max) <= 0
                && value.stripTrailingZeros().scale() <= scale) {
            return Optional.empty();
        }
        return Optional.of(name + " must be " + described + " from 0 to " + max.toPlainString()
                + (scale == 0 ? "" : " with at most " + scale + " decimals")
                + (value == null ? "" : ", not " + value));
    }
}
