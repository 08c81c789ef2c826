package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * One indicator of the catalogue (R01–R17). A rule is a pure function of a project's facts, the
 * deployment's thresholds and today's business date (Asia/Shanghai): it says which conditions hold
 * now, and nothing else.
 */
public interface RiskRule {

    String id();

    /** Bumped whenever the rule's definition changes; a signal names the version that raised it. */
    int version();

    String nameZh();

    String nameEn();

    List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today);
}
