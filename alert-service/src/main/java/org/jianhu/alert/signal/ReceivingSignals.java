package org.jianhu.alert.signal;

import org.jianhu.alert.handling.Alerts;
import org.jianhu.alert.handling.SignalDetails;
import org.jianhu.alert.lifecycle.Alert;
import org.jianhu.alert.lifecycle.Change;
import org.jianhu.alert.lifecycle.Level;
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
        Level opening = change.openingLevel();
        Change raised = Alert.raise(UUID.randomUUID(), change.signalId(), change.projectId(), change.ruleId(), opening);
        SignalDetails details = new SignalDetails(change.ruleVersion(), change.subject(), change.explanationZh(),
                change.explanationEn(), change.region());
        boolean opened = alerts.insertIfAbsent(raised.after(), details, at);
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
}
