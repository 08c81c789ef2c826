package org.jianhu.alert.signal;

import org.jianhu.alert.handling.Alerts;
import org.jianhu.alert.handling.RecordingSteps;
import org.jianhu.alert.handling.SignalDetails;
import org.jianhu.alert.lifecycle.Alert;
import org.jianhu.alert.lifecycle.Change;
import org.jianhu.alert.lifecycle.Level;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a signal change into the alert's next step, once per change id. A cleared signal goes on the
 * timeline and leaves the alert open: only a verified rectification lowers the colour. A restatement
 * only refreshes the project the alert is of (who may read and handle it); it is no step.
 */
@Service
class ReceivingSignals {

    private static final Logger log = LoggerFactory.getLogger(ReceivingSignals.class);
    /** The kinds that move an alert; a kind added later must not be taken for a raise (it could reopen). */
    private static final Set<String> STEPS = Set.of(RiskSignalChanged.RAISED, RiskSignalChanged.LEVEL_CHANGED,
            RiskSignalChanged.CLEARED);

    private final ProcessedChanges processed;
    private final Alerts alerts;
    private final RecordingSteps steps;
    private final Clock clock;

    ReceivingSignals(ProcessedChanges processed, Alerts alerts, RecordingSteps steps, Clock clock) {
        this.processed = processed;
        this.alerts = alerts;
        this.steps = steps;
        this.clock = clock;
    }

    /** @return false for a change applied before */
    @Transactional
    public boolean apply(RiskSignalChanged change) {
        Instant now = clock.instant();
        if (!processed.firstTime(change.changeId(), now)) {
            return false;
        }
        SignalDetails details = new SignalDetails(change.ruleVersion(), change.subject(), change.explanationZh(),
                change.explanationEn(), change.region(), change.projectCode(), change.projectTitle(),
                change.ownerOrganisation(), change.supervisors());
        if (RiskSignalChanged.RESTATED.equals(change.change())) {
            // a signal not heard of yet opens no alert here: its raise carries the project itself
            alerts.describeProject(change.signalId(), details);
            return true;
        }
        if (change.change() != null && !STEPS.contains(change.change())) {
            log.warn("change {} of signal {} is of a kind unknown here ({}), ignored", change.changeId(),
                    change.signalId(), change.change());
            return true;
        }
        Instant at = change.occurredAt() == null ? now : change.occurredAt();
        // A clearance that overtook its raise still opens the alert, in the colour the signal had.
        Level opening = openingLevel(change);
        Change raised = Alert.raise(UUID.randomUUID(), change.signalId(), change.projectId(), change.ruleId(), opening);
        boolean opened = alerts.insertIfAbsent(raised.after(), details, at);
        // before the step is stored, so that whoever hears of the step reads the project as this change names it
        alerts.describeProject(change.signalId(), details);
        if (opened) {
            steps.record(raised, at);
        }
        Alert alert = alerts.lockBySignal(change.signalId()).orElseThrow();
        if (change.cleared()) {
            steps.record(alert.signalCleared(), at);
        } else if (!opened) {
            steps.record(alert.signalAt(opening), at);
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
