package org.jianhu.alert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.handling.AlertChanged;
import org.jianhu.alert.handling.AlertScope;
import org.jianhu.alert.handling.AlertSummary;
import org.jianhu.alert.handling.Alerts;
import org.jianhu.alert.subscription.AlertRouting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Queues what subscribers are told about, in the transaction that stored the step: a step that is
 * never stored (a redelivered signal change) is never sent, and one stored is sent once per target.
 */
@Component
class TellingSubscribers {

    private final Alerts alerts;
    private final Deliveries deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    TellingSubscribers(Alerts alerts, Deliveries deliveries, ObjectMapper json, Clock clock) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(AlertChanged changed) {
        if (!changed.worthTelling()) {
            return;
        }
        AlertSummary alert = alerts.summary(changed.change().after().id()).orElseThrow();
        AlertNotice notice = new AlertNotice(alert.id(), changed.position(), changed.change().step().wireName(),
                alert.level(), alert.signalLevel(), alert.status(), alert.projectId(), alert.projectCode(),
                alert.projectTitle(), alert.region(), alert.ruleId(), alert.ruleVersion(), alert.subject(),
                alert.explanationZh(), alert.explanationEn(), alert.supervisors(), changed.change().comment(),
                clock.instant());
        String payload = write(notice);
        String routingKey = AlertRouting.routingKey(alert.level(), alert.region(), alert.ruleId(), alert.projectId());
        deliveries.enqueueForSubscribers(alert.id(), changed.position(), routingKey, payload,
                AlertScope.SUBSCRIPTION_MATCHES);
        deliveries.enqueueForExchange(alert.id(), changed.position(), routingKey, payload);
    }

    private String write(AlertNotice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("alert notice cannot be written as JSON", unwritable);
        }
    }
}
