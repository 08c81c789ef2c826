package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Runs one rule over facts with the default thresholds and reads back the level of one subject. */
final class RuleFixture {

    private RuleFixture() {
    }

    static List<SignalCondition> evaluate(RiskRule rule, ProjectHistory history, LocalDate today) {
        return rule.evaluate(history.facts(), Thresholds.defaults(), today);
    }

    static RiskLevel levelOf(RiskRule rule, ProjectHistory history, LocalDate today, String subject) {
        return condition(rule, history, today, subject).map(SignalCondition::level).orElse(RiskLevel.GREEN);
    }

    static Optional<SignalCondition> condition(RiskRule rule, ProjectHistory history, LocalDate today,
                                               String subject) {
        return evaluate(rule, history, today).stream().filter(c -> c.subject().equals(subject)).findFirst();
    }
}
