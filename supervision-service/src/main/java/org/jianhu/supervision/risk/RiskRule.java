package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * An indicator of the catalogue judged on one project (R01–R17 but R15). A rule is a pure function of
 * a project's facts, the deployment's thresholds and today's business date (Asia/Shanghai): it says
 * which conditions hold now, and nothing else.
 */
public interface RiskRule extends Indicator {

    List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today);
}
