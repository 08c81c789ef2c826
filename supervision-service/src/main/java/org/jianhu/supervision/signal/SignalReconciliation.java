package org.jianhu.supervision.signal;

import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.risk.SignalCondition;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Brings a project's open signals in line with the conditions that hold now: a new condition
 * raises a signal, a condition at another level changes the signal's level, a signal whose
 * condition no longer holds clears. Every such change goes to the outbox in the same transaction.
 *
 * <p>R06 (inspection not rectified) needs no exception here: its condition holds until the facts
 * show a verified rectification, so its signal keeps its colour until then ("整改不完成，预警不变色").
 */
@Component
public class SignalReconciliation {

    private final RiskSignals signals;
    private final SignalOutbox outbox;
    private final Clock clock;

    SignalReconciliation(RiskSignals signals, SignalOutbox outbox, Clock clock) {
        this.signals = signals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Only the project's open signals in {@code scope} are weighed against the conditions (and may
     * clear): the catalogue and R15 each reconcile their own. @return the levels of the signals in
     * scope open after reconciling
     *
     * @param project the project's facts, whose region, code, title, owner and supervisors every change carries
     */
    public List<RiskLevel> reconcile(ProjectFacts project, List<SignalCondition> conditions,
                                     Predicate<RiskSignal> scope) {
        String projectId = project.projectId();
        Instant now = clock.instant();
        Map<String, SignalCondition> holding = new LinkedHashMap<>();
        conditions.stream().filter(condition -> condition.level() != RiskLevel.GREEN)
                .forEach(condition -> holding.merge(condition.key(), condition,
                        (one, other) -> one.level().compareTo(other.level()) >= 0 ? one : other));
        List<RiskLevel> open = new ArrayList<>();
        for (RiskSignal signal : signals.openOf(projectId).stream().filter(scope).toList()) {
            SignalCondition condition = holding.remove(signal.key());
            if (condition == null) {
                RiskSignal cleared = withStatus(signal, RiskSignal.CLEARED, now);
                signals.update(cleared);
                outbox.append(change(project, cleared, ChangeType.CLEARED, RiskLevel.GREEN, signal.level(), now));
                continue;
            }
            RiskSignal current = updated(signal, condition, condition.level() != signal.level() ? now : signal.changedAt());
            signals.update(current);
            if (condition.level() != signal.level()) {
                outbox.append(change(project, current, ChangeType.LEVEL_CHANGED, current.level(), signal.level(), now));
            }
            open.add(current.level());
        }
        for (SignalCondition condition : holding.values()) {
            RiskSignal raised = new RiskSignal(UUID.randomUUID(), projectId, condition.ruleId(),
                    condition.ruleVersion(), condition.subject(), condition.level(), condition.numbers(),
                    condition.evidence(), condition.explanationZh(), condition.explanationEn(), RiskSignal.OPEN,
                    now, now);
            signals.insert(raised);
            outbox.append(change(project, raised, ChangeType.RAISED, raised.level(), null, now));
            open.add(raised.level());
        }
        return open;
    }

    private static RiskSignal updated(RiskSignal signal, SignalCondition condition, Instant changedAt) {
        return new RiskSignal(signal.id(), signal.projectId(), signal.ruleId(), condition.ruleVersion(),
                signal.subject(), condition.level(), condition.numbers(), condition.evidence(),
                condition.explanationZh(), condition.explanationEn(), RiskSignal.OPEN, signal.raisedAt(), changedAt);
    }

    private static RiskSignal withStatus(RiskSignal signal, String status, Instant changedAt) {
        return new RiskSignal(signal.id(), signal.projectId(), signal.ruleId(), signal.ruleVersion(),
                signal.subject(), signal.level(), signal.numbers(), signal.evidence(), signal.explanationZh(),
                signal.explanationEn(), status, signal.raisedAt(), changedAt);
    }

    private static RiskSignalChanged change(ProjectFacts project, RiskSignal signal, ChangeType type, RiskLevel level,
                                            RiskLevel previous, Instant at) {
        return ProjectDetails.of(project).change(signal, type, level, previous, at);
    }
}
