package org.jianhu.supervision.parking;

import org.jianhu.servicesupport.parking.Failures;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.jianhu.supervision.assessment.ApplyingProjectEvents;
import org.jianhu.supervision.assessment.ApplyingProjectEvents.CaughtUp;
import org.jianhu.supervision.assessment.ApplyingProjectEvents.NotApplied;
import org.jianhu.supervision.assessment.RiskRegisterParking;
import org.jianhu.supervision.web.NotParked;
import org.jianhu.supervision.web.StillParked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a fix, an administrator retries a parked project: unparked and caught up from its history, in one
 * transaction, as if it had never stopped. If it still cannot be applied it is parked again, with where it
 * stopped now and why; if the database or the project service is away, it stays parked as it was.
 */
@Service
class RetryingParkedProject {

    private static final Logger log = LoggerFactory.getLogger(RetryingParkedProject.class);

    private final RiskRegisterParking parking;
    private final ApplyingProjectEvents applying;
    private final TransactionTemplate transaction;

    RetryingParkedProject(RiskRegisterParking parking, ApplyingProjectEvents applying,
                          PlatformTransactionManager transactions) {
        this.parking = parking;
        this.applying = applying;
        this.transaction = new TransactionTemplate(transactions);
    }

    CaughtUp retry(String projectId) {
        ParkedProject parked = parking.find(projectId).orElseThrow(() -> new NotParked(projectId));
        try {
            CaughtUp caughtUp = applying.catchUp(projectId);
            log.info("project {} unparked: {} events applied, through sequence {}", projectId,
                    caughtUp.eventsApplied(), caughtUp.appliedThroughSequence());
            return caughtUp;
        } catch (RuntimeException failed) {
            if (Failures.isTransient(failed)) {
                throw failed;
            }
            long position = failed instanceof NotApplied notApplied ? notApplied.stoppedAt().globalPosition()
                    : parked.position();
            String eventId = failed instanceof NotApplied notApplied ? notApplied.stoppedAt().eventId()
                    : parked.eventId();
            transaction.executeWithoutResult(status -> parking.parkAgain(projectId, position, eventId,
                    "retried: " + failed.getMessage()));
            throw new StillParked(parking.find(projectId).orElseThrow());
        }
    }
}
