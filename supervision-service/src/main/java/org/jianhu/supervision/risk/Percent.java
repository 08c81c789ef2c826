package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratios as percentages, precise to 12 decimals so that rounding never decides a "greater than"
 * (one fen over a budget of billions still counts), trimmed of trailing zeros for reading.
 */
final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    static BigDecimal of(BigDecimal part, BigDecimal whole) {
        BigDecimal percent = part.multiply(HUNDRED).divide(whole, 12, RoundingMode.HALF_UP).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }
}
