package org.jianhu.supervision.assessment;

import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.signal.SignalReconciliation;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Evaluates a locked project with the thresholds in force and today's date, and saves the outcome. */
@Component
class ProjectAssessment {

    private final RiskProjects projects;
    private final RiskCatalogue catalogue;
    private final RuleThresholds thresholds;
    private final SignalReconciliation reconciliation;
    private final Clock clock;

    ProjectAssessment(RiskProjects projects, RiskCatalogue catalogue, RuleThresholds thresholds,
                      SignalReconciliation reconciliation, Clock clock) {
        this.projects = projects;
        this.catalogue = catalogue;
        this.thresholds = thresholds;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    void assessAndSave(RiskProject project) {
        List<SignalCondition> conditions = catalogue.evaluate(project.facts(), thresholds.current(),
                LocalDate.now(clock));
        project.assess(reconciliation.reconcile(project.projectId(), conditions));
        projects.save(project);
    }
}
