package org.jianhu.supervision.assessment;

import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RepeatWinner;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.risk.Thresholds;
import org.jianhu.supervision.signal.RiskSignal;
import org.jianhu.supervision.signal.RiskSignals;
import org.jianhu.supervision.signal.SignalReconciliation;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * R15 for the suppliers of one project's awards, over every project of the same buyer: each
 * supplier's signal is open on the project whose award tripped it, and nowhere else. Runs in the
 * transaction that assesses the project; another project whose R15 signal changes gets its level
 * and score set again, under its row lock (two buyers' projects assessed at once may deadlock;
 * PostgreSQL then fails one, and its delivery is retried).
 */
@Component
class RepeatWinners {

    private final RepeatWinner rule;
    private final RiskProjects projects;
    private final RiskSignals signals;
    private final SignalReconciliation reconciliation;

    RepeatWinners(RiskCatalogue catalogue, RiskProjects projects, RiskSignals signals,
                  SignalReconciliation reconciliation) {
        this.rule = catalogue.repeatWinner();
        this.projects = projects;
        this.signals = signals;
        this.reconciliation = reconciliation;
    }

    void reconcile(ProjectFacts facts, Thresholds thresholds) {
        String buyer = facts.ownerOrganisation();
        Set<String> suppliers = facts.awards().stream().map(RepeatWinner.Award::supplierId)
                .filter(supplier -> supplier != null && buyer != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (suppliers.isEmpty()) {
            return;
        }
        List<RepeatWinner.Award> awards = new ArrayList<>(facts.awards());
        Map<String, ProjectFacts> buyersProjects = new HashMap<>();
        buyersProjects.put(facts.projectId(), facts);
        for (ProjectFacts other : projects.factsOfOtherProjectsOf(buyer, facts.projectId())) {
            awards.addAll(other.awards());
            buyersProjects.put(other.projectId(), other);
        }
        List<RepeatWinner.Award> theirs = awards.stream().filter(award -> suppliers.contains(award.supplierId()))
                .sorted(Comparator.comparingLong(RepeatWinner.Award::position)).toList();
        Map<String, RepeatWinner.Finding> findings = rule.findings(theirs, thresholds).stream()
                .collect(Collectors.toMap(finding -> finding.condition().subject(), Function.identity()));
        for (String supplier : suppliers) {
            String subject = RepeatWinner.subject(supplier, buyer);
            RepeatWinner.Finding finding = findings.get(subject);
            Set<String> holders = new LinkedHashSet<>(signals.projectsWithOpen(RepeatWinner.ID, subject));
            if (finding != null) {
                holders.add(finding.trippedBy().projectId());
            }
            for (String projectId : holders) {
                List<SignalCondition> holding = finding != null && finding.trippedBy().projectId().equals(projectId)
                        ? List.of(finding.condition()) : List.of();
                reconciliation.reconcile(buyersProjects.getOrDefault(projectId, new ProjectFacts(projectId)), holding,
                        signal -> RepeatWinner.ID.equals(signal.ruleId()) && subject.equals(signal.subject()));
                if (!projectId.equals(facts.projectId())) {
                    projects.relevel(projectId, signals.openOf(projectId).stream().map(RiskSignal::level).toList());
                }
            }
        }
    }
}
