package org.jianhu.supervision.signal;

import org.jianhu.supervision.risk.RiskLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A condition found on a project, from the moment it was raised until it is cleared. */
public record RiskSignal(UUID id, String projectId, String ruleId, int ruleVersion, String subject, RiskLevel level,
                         Map<String, Object> numbers, List<Long> evidence, String explanationZh,
                         String explanationEn, String status, Instant raisedAt, Instant changedAt) {

    public static final String OPEN = "open";
    public static final String CLEARED = "cleared";

    public String key() {
        return ruleId + "|" + subject;
    }
}
