package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.rule.RuleThresholds;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * A project's risk as it stood at an instant, recomputed from its history: the events recorded by
 * then, folded afresh, judged with the thresholds in force then and as of that instant's Shanghai date, or,
 * while its initial load was going on then, the business date its history had reached ({@link InitialLoads}).
 * Nothing is stored; R15 (across projects) is not part of it.
 */
@Service
public class RiskAsOf {

    public record Picture(String projectId, Instant asOf, LocalDate businessDate, long appliedThroughSequence,
                          String stage, RiskLevel level, int score, ProjectFacts facts,
                          List<SignalCondition> conditions) {
    }

    private final ProjectHistory history;
    private final FactsFormat factsFormat;
    private final ProjectEventDecoding decoding;
    private final RiskCatalogue catalogue;
    private final RuleThresholds thresholds;
    private final InitialLoads initialLoads;

    RiskAsOf(ProjectHistory history, FactsFormat factsFormat, ProjectEventDecoding decoding, RiskCatalogue catalogue,
             RuleThresholds thresholds, InitialLoads initialLoads) {
        this.history = history;
        this.factsFormat = factsFormat;
        this.decoding = decoding;
        this.catalogue = catalogue;
        this.thresholds = thresholds;
        this.initialLoads = initialLoads;
    }

    /** Empty if the project had no event recorded by {@code asOf} (it did not exist yet). */
    public Optional<Picture> of(String projectId, Instant asOf) {
        List<EventEnvelope> then = history.of(projectId).stream()
                .filter(envelope -> !envelope.recordedAt().isAfter(asOf))
                .sorted(Comparator.comparingLong(EventEnvelope::sequenceNumber))
                .toList();
        if (then.isEmpty()) {
            return Optional.empty();
        }
        RiskProject project = new RiskProject(projectId, 0, null, factsFormat.fresh(projectId), null, null, null, null);
        then.forEach(envelope -> project.fold(envelope, decoding.decode(envelope).orElse(null), initialLoads.gap()));
        LocalDate day = initialLoads.judgingDayAsOf(project.facts(), asOf);
        List<SignalCondition> conditions = catalogue.evaluate(project.facts(), thresholds.asOf(asOf), day).stream()
                .filter(condition -> condition.level() != RiskLevel.GREEN)
                .toList();
        Map<String, RiskLevel> worstPerSubject = new HashMap<>();
        conditions.forEach(condition -> worstPerSubject.merge(condition.key(), condition.level(), RiskLevel::worse));
        project.assess(worstPerSubject.values());
        return Optional.of(new Picture(projectId, asOf, day, project.nextSequence() - 1, project.stage(),
                project.level(), project.score(), project.facts(), conditions));
    }
}
