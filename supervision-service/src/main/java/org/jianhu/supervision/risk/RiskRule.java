package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * An indicator of the catalogue judged on one project (R01–R18 but R15). A rule is a pure function of
 * a project's facts, the deployment's thresholds and the business date (Asia/Shanghai) it is judged as of:
 * it says which conditions hold then, and nothing else.
 *
 * <p>{@code today} is the date as of which time has passed: today's on a live project; while a project's
 * history is being caught up, the business date that history has reached, and null before any fact of it
 * has a date (no time has passed: nothing is late).
 */
public interface RiskRule extends Indicator {

    List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today);
}
