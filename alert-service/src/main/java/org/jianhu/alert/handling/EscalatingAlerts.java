package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Escalates alerts left unassigned past their deadline. The deadline is a column, so a restart loses
 * none; SKIP LOCKED lets several instances share the work without escalating anything twice.
 */
@Service
class EscalatingAlerts {

    private static final Logger log = LoggerFactory.getLogger(EscalatingAlerts.class);
    private static final int BATCH = 100;

    private final Alerts alerts;
    private final RecordingSteps steps;
    private final EscalationPolicy policy;
    private final Clock clock;

    EscalatingAlerts(Alerts alerts, RecordingSteps steps, EscalationPolicy policy, Clock clock) {
        this.alerts = alerts;
        this.steps = steps;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jianhu.escalation.check-interval-ms:60000}")
    @Transactional
    public void escalateDue() {
        Instant now = clock.instant();
        List<UUID> due = alerts.lockDueForEscalation(now, BATCH);
        for (UUID id : due) {
            Alert alert = alerts.lock(id).orElseThrow();
            String lead = policy.leadOf(alerts.region(id));
            steps.record(alert.escalate(lead), now);
            alerts.markEscalated(id);
            log.info("alert {} of project {} escalated to {}", id, alert.projectId(), lead);
        }
    }
}
