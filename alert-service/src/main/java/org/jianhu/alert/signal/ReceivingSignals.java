package org.jianhu.alert.signal;

import org.jianhu.alert.handling.Alerts;
import org.jianhu.alert.handling.SignalDetails;
import org.jianhu.alert.lifecycle.Alert;
import org.jianhu.alert.lifecycle.Change;
import org.jianhu.alert.lifecycle.Level;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns a signal change into the alert's next step, once per change id. A cleared signal goes on the
 * timeline and leaves the alert open: only a verified rectification lowers the colour.
 */
@Service
class ReceivingSignals {

    private final Alerts alerts;
    private final Clock clock;

    ReceivingSignals(Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /** @return false for a change applied before */
    @Transactional
    public boolean apply(RiskSignalChanged change) {
        Instant now = clock.instant();
        if (!alerts.firstTime(change.changeId(), now)) {
            return false;
        }
        Instant at = change.occurredAt() == null ? now : change.occurredAt();
        // A clearance that overtook its raise still opens the alert, in the colour the signal had.
        Level opening = openingLevel(change);
        Change raised = Alert.raise(UUID.randomUUID(), change.signalId(), change.projectId(), change.ruleId(), opening);
        SignalDetails details = new SignalDetails(change.ruleVersion(), change.subject(), change.explanationZh(),
                change.explanationEn(), change.region(), change.projectCode(), change.projectTitle(),
                change.ownerOrganisation(), change.supervisors());
        boolean opened = alerts.insertIfAbsent(raised.after(), details, at);
        // before the step is stored, so that whoever hears of the step reads the project as this change names it
        alerts.describeProject(change.signalId(), details);
        if (opened) {
            alerts.apply(raised, at);
        }
        Alert alert = alerts.lockBySignal(change.signalId()).orElseThrow();
        if (change.cleared()) {
            alerts.apply(alert.signalCleared(), at);
        } else if (!opened) {
            alerts.apply(alert.signalAt(opening), at);
        }
        return true;
    }

    /** The colour an alert opens in, should this change be the first of its signal to arrive. */
    static Level openingLevel(RiskSignalChanged change) {
        if (change.cleared()) {
            if (change.previousLevel() == null) {
                throw new IllegalArgumentException("a cleared signal names its previousLevel");
            }
            return Level.of(change.previousLevel());
        }
        return Level.of(change.level());
    }
}
