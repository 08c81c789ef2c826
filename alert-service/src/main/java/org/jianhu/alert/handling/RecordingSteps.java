package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Change;
import org.jianhu.alert.lifecycle.Level;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Stores a step the lifecycle decided, whoever took it (a person, a signal change, the escalation), in the
 * caller's transaction: the alert as the step left it, the step on its timeline, and {@link AlertChanged}
 * for the listeners that write in that same transaction.
 */
@Component
public class RecordingSteps {

    private final Alerts alerts;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;

    RecordingSteps(Alerts alerts, Timeline timeline, ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.timeline = timeline;
        this.events = events;
    }

    public void record(Change change, Instant at) {
        Level before = alerts.level(change.after().id());
        alerts.store(change, at);
        long position = timeline.append(change, at);
        events.publishEvent(new AlertChanged(change, before, position));
    }
}
