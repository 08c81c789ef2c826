package org.jianhu.alert.signal;

import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.jianhu.servicesupport.parking.ParkedProjects;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Parking, for the signal changes: a project whose change cannot be applied for its own sake is parked (as
 * consumer {@value #CONSUMER}) and every later change of it is held back, as supervision will not send it again;
 * every other project goes on. {@link RetryingParkedProjects} applies what was held once the fault is mended.
 */
@Service
class ParkedSignals {

    static final String CONSUMER = "alerts";

    /** How a change was taken. */
    enum Taken { APPLIED, REPEATED, HELD }

    private final ParkedProjects parked;
    private final ReceivingSignals receiving;
    private final ProjectLocks locks;
    private final TransactionTemplate transaction;

    ParkedSignals(ParkedProjects parked, ReceivingSignals receiving, ProjectLocks locks, TransactionTemplate transaction) {
        this.parked = parked;
        this.receiving = receiving;
        this.locks = locks;
        this.transaction = transaction;
    }

    /** Applies the change, or holds it (the raw body) when its project is parked; one transaction. */
    Taken take(RiskSignalChanged change, byte[] body) {
        return transaction.execute(status -> {
            locks.lock(change.projectId());
            if (parked.isParked(CONSUMER, change.projectId())) {
                parked.hold(CONSUMER, change.projectId(), body);
                return Taken.HELD;
            }
            return receiving.apply(change) ? Taken.APPLIED : Taken.REPEATED;
        });
    }

    /** Parks the change's project at it, and holds the change itself: the first to apply when it is retried. */
    void park(RiskSignalChanged change, byte[] body, Throwable failure) {
        transaction.executeWithoutResult(status -> {
            locks.lock(change.projectId());
            parked.park(CONSUMER, change.projectId(), 0, change.changeId().toString(), reason(change, failure));
            parked.hold(CONSUMER, change.projectId(), body);
        });
    }

    Page<ParkedProject> page(PageRequest page) {
        return parked.page(CONSUMER, page);
    }

    static String reason(RiskSignalChanged change, Throwable failure) {
        return "change " + change.changeId() + " (" + change.change() + " of signal " + change.signalId()
                + ") cannot be applied: " + NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
    }
}
