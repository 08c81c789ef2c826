package org.jianhu.supervision.risk;

import java.util.List;
import java.util.Map;

/**
 * What one rule finds about one subject of a project (the project itself, or one contract,
 * milestone, inspection…) right now. Conditions are recomputed from the facts; comparing them with
 * the open signals tells what was raised, escalated or cleared.
 *
 * @param subject   what the condition is about, e.g. {@code project}, {@code contract:c-1}
 * @param numbers   the figures that tripped the rule (and the thresholds they were compared with)
 * @param evidence  global positions of the events behind it, ascending
 */
public record SignalCondition(String ruleId, int ruleVersion, String subject, RiskLevel level,
                              Map<String, Object> numbers, List<Long> evidence,
                              String explanationZh, String explanationEn) {

    public String key() {
        return ruleId + "|" + subject;
    }
}
