package org.jianhu.supervision.consumption;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.servicesupport.parking.PoisonJudge;
import org.jianhu.supervision.assessment.ApplyingProjectEvents.GapNotHealed;
import org.jianhu.supervision.assessment.ApplyingProjectEvents.NotApplied;
import org.jianhu.supervision.assessment.ApplyingProjectEvents.ProjectUnknown;
import org.jianhu.supervision.assessment.RiskRegisterParking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;

/**
 * Decides when a delivery that failed parks its project instead of going back to the queue: at once when the
 * project service does not know the project (a stale queue, a restore: nothing will ever heal its gap), and
 * after {@code jianhu.consumption.poison-attempts} failures of the event that are not the world's fault
 * ({@link PoisonJudge}). A database or project service away, a history that merely lags behind, or a project
 * service that refuses this service's calls (a secret out of step) park nothing: they are retried however long
 * it takes.
 */
@Component
class Quarantine {

    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

    private final RiskRegisterParking parking;
    private final PoisonJudge judge;
    private final int attempts;

    Quarantine(RiskRegisterParking parking, @Value("${jianhu.consumption.poison-attempts:3}") int attempts) {
        this.parking = parking;
        this.judge = new PoisonJudge(attempts);
        this.attempts = attempts;
    }

    void applied(EventEnvelope envelope) {
        judge.succeeded(envelope.eventId());
    }

    /** @return true when the project is parked now, so that the delivery is done with */
    boolean parks(EventEnvelope delivered, RuntimeException failed) {
        if (failed instanceof ProjectUnknown unknown) {
            return park(delivered, "quarantined: " + unknown.getMessage() + "; its events are of a past that "
                    + "service no longer holds (a stale queue, a restore)");
        }
        EventEnvelope stoppedAt = failed instanceof NotApplied notApplied ? notApplied.stoppedAt() : delivered;
        if (waitsOnTheProjectService(failed) || !judge.isPoison(stoppedAt.eventId(), failed)) {
            return false;
        }
        return park(stoppedAt, failed.getMessage() + " (failed " + attempts + " times)");
    }

    private boolean park(EventEnvelope stoppedAt, String reason) {
        try {
            if (parking.park(stoppedAt, reason)) {
                log.error("project {} parked at position {}: {}", stoppedAt.projectId(), stoppedAt.globalPosition(),
                        reason);
            }
            return true;
        } catch (RuntimeException notParked) {
            log.warn("project {} could not be parked, its event goes back to the queue: {}", stoppedAt.projectId(),
                    notParked.getMessage());
            return false;
        }
    }

    /** Not the event's fault, though service-support's judgement cannot know it: the project service's. */
    private static boolean waitsOnTheProjectService(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof GapNotHealed || cause instanceof RestClientResponseException) {
                return true;
            }
        }
        return false;
    }
}
