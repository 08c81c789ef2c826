package org.jianhu.supervision.register;

import org.jianhu.supervision.risk.RiskLevel;

/**
 * What a reader narrows the register to; every filter optional, all that are given apply together.
 *
 * @param ruleId a rule one of the project's open signals is of
 * @param text   what the project's code or title contains, in any case
 */
record ProjectFilter(String region, String stage, RiskLevel level, String ruleId, String text) {

    static ProjectFilter of(String region, String stage, String level, String ruleId, String text) {
        return new ProjectFilter(region, stage, level == null ? null : RiskLevel.named(level), ruleId, text);
    }
}
