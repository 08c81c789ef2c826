package org.jianhu.supervision.signal;

import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * When the project details its signals carry change (supervisors reassigned, above all), every signal
 * of the project goes out again, unchanged, with the new details: consumers that decide who may read
 * its alert would otherwise keep the old ones until the signal next changes. Cleared signals too: their
 * alerts stay open until a supervisor closes them, and the new supervisor is the one who must.
 */
@Component
public class RestatingSignals {

    private final RiskSignals signals;
    private final SignalOutbox outbox;
    private final Clock clock;

    RestatingSignals(RiskSignals signals, SignalOutbox outbox, Clock clock) {
        this.signals = signals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param before the project's details as they stood before its facts were folded on */
    public void restate(ProjectFacts project, ProjectDetails before) {
        ProjectDetails now = ProjectDetails.of(project);
        if (now.equals(before)) {
            return;
        }
        Instant at = clock.instant();
        for (RiskSignal signal : signals.allOf(project.projectId())) {
            // a cleared signal is green now, whatever colour it last had while open
            RiskLevel level = RiskSignal.CLEARED.equals(signal.status()) ? RiskLevel.GREEN : signal.level();
            outbox.append(now.change(signal, ChangeType.RESTATED, level, level, at));
        }
    }
}
