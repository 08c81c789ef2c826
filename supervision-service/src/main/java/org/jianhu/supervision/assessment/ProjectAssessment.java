package org.jianhu.supervision.assessment;

import org.jianhu.supervision.risk.RepeatWinner;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.risk.Thresholds;
import org.jianhu.supervision.rule.RuleThresholds;
import org.jianhu.supervision.signal.ProjectDetails;
import org.jianhu.supervision.signal.RestatingSignals;
import org.jianhu.supervision.signal.RiskSignal;
import org.jianhu.supervision.signal.RiskSignals;
import org.jianhu.supervision.signal.SignalReconciliation;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates a locked project with the thresholds in force as of its judging day ({@link InitialLoads}: today, or
 * while its history is being caught up the business date that history has reached), and saves the outcome.
 */
@Component
class ProjectAssessment {

    private final RiskProjects projects;
    private final RiskCatalogue catalogue;
    private final RuleThresholds thresholds;
    private final SignalReconciliation reconciliation;
    private final RepeatWinners repeatWinners;
    private final RiskSignals signals;
    private final RestatingSignals restating;
    private final InitialLoads initialLoads;

    ProjectAssessment(RiskProjects projects, RiskCatalogue catalogue, RuleThresholds thresholds,
                      SignalReconciliation reconciliation, RepeatWinners repeatWinners, RiskSignals signals,
                      RestatingSignals restating, InitialLoads initialLoads) {
        this.restating = restating;
        this.repeatWinners = repeatWinners;
        this.signals = signals;
        this.projects = projects;
        this.catalogue = catalogue;
        this.thresholds = thresholds;
        this.reconciliation = reconciliation;
        this.initialLoads = initialLoads;
    }

    /** The project's details did not change since it was locked (a threshold change, the daily run). */
    void assessAndSave(RiskProject project) {
        assessAndSave(project, ProjectDetails.of(project.facts()));
    }

    /**
     * The catalogue over the project's facts, then R15 over its buyer's projects; the level counts both.
     * Where the project's details differ from {@code before}, its signals open until now are restated
     * first, so that the changes this assessment makes follow them.
     */
    void assessAndSave(RiskProject project, ProjectDetails before) {
        restating.restate(project.facts(), before);
        Thresholds inForce = thresholds.current();
        LocalDate judgingDay = initialLoads.judgingDay(project);
        List<SignalCondition> conditions = catalogue.evaluate(project.facts(), inForce, judgingDay);
        reconciliation.reconcile(project.facts(), conditions,
                signal -> !RepeatWinner.ID.equals(signal.ruleId()));
        repeatWinners.reconcile(project.facts(), inForce);
        project.assess(signals.openOf(project.projectId()).stream().map(RiskSignal::level).toList());
        projects.save(project);
    }
}
