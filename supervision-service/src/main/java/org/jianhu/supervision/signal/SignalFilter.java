package org.jianhu.supervision.signal;

import org.jianhu.supervision.risk.RiskLevel;

/**
 * What a reader narrows the signal list to; every filter optional, all that are given apply together.
 *
 * @param status {@code open} or {@code cleared}
 * @param region the region of the signal's project
 */
public record SignalFilter(String projectId, RiskLevel level, String status, String ruleId, String region) {

    public static SignalFilter of(String projectId, String level, String status, String ruleId, String region) {
        if (status != null && !RiskSignal.OPEN.equals(status) && !RiskSignal.CLEARED.equals(status)) {
            throw new IllegalArgumentException("status is open or cleared, not '" + status + "'");
        }
        return new SignalFilter(projectId, level == null ? null : RiskLevel.named(level), status, ruleId, region);
    }
}
