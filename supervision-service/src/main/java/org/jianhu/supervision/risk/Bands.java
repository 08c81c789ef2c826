package org.jianhu.supervision.risk;

import java.math.BigDecimal;

/** Places a measured value in the yellow/red bands of a rule; a null band is one the rule does not have. */
final class Bands {

    private Bands() {
    }

    /** Trips when the value is strictly greater than the band's threshold. */
    static RiskLevel above(BigDecimal value, BigDecimal yellow, BigDecimal red) {
        if (red != null && value.compareTo(red) > 0) {
            return RiskLevel.RED;
        }
        if (yellow != null && value.compareTo(yellow) > 0) {
            return RiskLevel.YELLOW;
        }
        return RiskLevel.GREEN;
    }

    /** Trips when the value reaches the band's threshold (≥). */
    static RiskLevel atLeast(BigDecimal value, BigDecimal yellow, BigDecimal red) {
        if (red != null && value.compareTo(red) >= 0) {
            return RiskLevel.RED;
        }
        if (yellow != null && value.compareTo(yellow) >= 0) {
            return RiskLevel.YELLOW;
        }
        return RiskLevel.GREEN;
    }
}
