package org.jianhu.project.register;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.project.history.StoredEvents;
import org.jianhu.project.project.ProjectListing;
import org.jianhu.servicesupport.parking.Failures;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.util.Optional;

/**
 * An admin's retry of a project the register parked, after the fix: the project is released and its row listed
 * anew from every event it has in the store, in one transaction. Events the processor passed over while the
 * project was parked are in the rebuild; those it reaches later change nothing more. If an event still cannot be
 * applied, the row stays as it was and the project is parked again, at that event, with the reason.
 */
@Component
public class CatchingUp {

    /** Caught up to the project's version, or parked again. */
    public record Outcome(String projectId, boolean caughtUp, Long version, ParkedProject parked) {
    }

    private final RegisterParking parking;
    private final ProjectListing listing;
    private final StoredEvents storedEvents;

    public CatchingUp(RegisterParking parking, ProjectListing listing, StoredEvents storedEvents) {
        this.parking = parking;
        this.listing = listing;
        this.storedEvents = storedEvents;
    }

    /** @return empty when the register has not parked the project */
    @Transactional
    public Optional<Outcome> retry(String projectId) {
        if (!parking.release(projectId)) {
            return Optional.empty();
        }
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object asItWas = transaction.createSavepoint();
        listing.forget(projectId);
        Long version = null;
        for (EventEnvelope stored : storedEvents.ofProject(projectId)) {
            try {
                listing.apply(storedEvents.eventOf(stored), stored.sequenceNumber(), stored.recordedAt());
                version = stored.sequenceNumber();
            } catch (RuntimeException failure) {
                if (Failures.isTransient(failure)) {
                    throw failure;
                }
                transaction.rollbackToSavepoint(asItWas);
                return Optional.of(new Outcome(projectId, false, null,
                        parking.parkAgain(projectId, stored.globalPosition(), stored.eventId(), failure)));
            }
        }
        return Optional.of(new Outcome(projectId, true, version, null));
    }
}
