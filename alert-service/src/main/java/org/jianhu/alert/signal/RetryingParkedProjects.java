package org.jianhu.alert.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.servicesupport.parking.Failures;
import org.jianhu.servicesupport.parking.ParkedProjects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * An admin's retry of a parked project, after the fix: unparked, and what was held applied in the order it
 * arrived, all or nothing, each change once (the processed-change record still applies). Should a held change
 * still fail for its own sake, nothing is applied and the project is parked again at that change, with its reason.
 */
@Service
public class RetryingParkedProjects {

    /** What a retry did: how many changes were held, and how many of them were new here. */
    public record Retried(String projectId, int held, int applied) {
    }

    private final ParkedProjects parked;
    private final ReceivingSignals receiving;
    private final ProjectLocks locks;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    RetryingParkedProjects(ParkedProjects parked, ReceivingSignals receiving, ProjectLocks locks, ObjectMapper json,
                           TransactionTemplate transaction) {
        this.parked = parked;
        this.receiving = receiving;
        this.locks = locks;
        this.json = json;
        this.transaction = transaction;
    }

    /**
     * @throws NotParked for a project that is not parked
     * @throws StillParked when a held change still cannot be applied
     */
    public Retried retry(String projectId) {
        try {
            return transaction.execute(status -> applyHeld(projectId));
        } catch (HeldChangeFailed failed) {
            if (Failures.isTransient(failed.getCause())) {
                throw (RuntimeException) failed.getCause();
            }
            String reason = ParkedSignals.reason(failed.change, failed.getCause());
            transaction.executeWithoutResult(status -> {
                locks.lock(projectId);
                parked.release(ParkedSignals.CONSUMER, projectId);
                parked.park(ParkedSignals.CONSUMER, projectId, 0, failed.change.changeId().toString(), reason);
            });
            throw new StillParked(projectId, reason);
        }
    }

    private Retried applyHeld(String projectId) {
        locks.lock(projectId);
        if (!parked.release(ParkedSignals.CONSUMER, projectId)) {
            throw new NotParked(projectId);
        }
        List<byte[]> held = parked.takeHeld(ParkedSignals.CONSUMER, projectId);
        int applied = 0;
        for (byte[] body : held) {
            RiskSignalChanged change = SignalMessages.read(json, body);
            try {
                applied += receiving.apply(change) ? 1 : 0;
            } catch (RuntimeException failed) {
                throw new HeldChangeFailed(change, failed);
            }
        }
        return new Retried(projectId, held.size(), applied);
    }

    /** The project is not parked: there is nothing to retry. */
    public static class NotParked extends RuntimeException {

        NotParked(String projectId) {
            super("project " + projectId + " is not parked");
        }
    }

    /** A held change still cannot be applied: the project is parked again, nothing was applied. */
    public static class StillParked extends RuntimeException {

        StillParked(String projectId, String reason) {
            super("project " + projectId + " is parked again, nothing was applied: " + reason);
        }
    }

    private static final class HeldChangeFailed extends RuntimeException {

        private final transient RiskSignalChanged change;

        HeldChangeFailed(RiskSignalChanged change, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.change = change;
        }
    }
}
