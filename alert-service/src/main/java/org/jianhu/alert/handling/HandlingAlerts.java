package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.Alert;
import org.jianhu.alert.lifecycle.Change;
import org.jianhu.alert.lifecycle.Deadlines;
import org.jianhu.servicesupport.input.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * The steps people take on an alert: each locks it, admits only an actor who may read its project,
 * asks the lifecycle (which checks role and status), and records the step.
 */
@Service
public class HandlingAlerts {

    private final Alerts alerts;
    private final RecordingSteps steps;
    private final ReadingAlerts reading;
    private final Clock clock;

    HandlingAlerts(Alerts alerts, RecordingSteps steps, ReadingAlerts reading, Clock clock) {
        this.alerts = alerts;
        this.steps = steps;
        this.reading = reading;
        this.clock = clock;
    }

    /** A deadline out of bounds is refused naming the field before anything is locked (the lifecycle's rule). */
    @Transactional
    public AlertDetails assign(UUID id, Actor actor, String organisation, LocalDate deadline, String comment) {
        InvalidInput.refuseIf("deadline", Deadlines.fault(deadline, LocalDate.now(clock)));
        return take(id, actor, alert -> alert.assign(actor, organisation, deadline, LocalDate.now(clock), comment));
    }

    @Transactional
    public AlertDetails reportRectification(UUID id, Actor actor, String comment) {
        return take(id, actor, alert -> alert.reportRectification(actor, comment));
    }

    @Transactional
    public AlertDetails verify(UUID id, Actor actor, boolean accepted, String comment) {
        return take(id, actor, alert -> alert.verify(actor, accepted, comment));
    }

    @Transactional
    public AlertDetails close(UUID id, Actor actor, String comment) {
        return take(id, actor, alert -> alert.close(actor, comment));
    }

    @Transactional
    public AlertDetails dismiss(UUID id, Actor actor, String justification) {
        return take(id, actor, alert -> alert.dismiss(actor, justification));
    }

    private AlertDetails take(UUID id, Actor actor, Function<Alert, Change> step) {
        Alert alert = alerts.lock(id).orElseThrow(() -> new UnknownAlert(id));
        alerts.scope(id).orElseThrow().admit(actor, "act on");
        steps.record(step.apply(alert), clock.instant());
        return reading.details(id).orElseThrow();
    }
}
