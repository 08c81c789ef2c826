package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.signal.ProjectDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies a delivered event to its project exactly once and in sequence order, whatever the
 * broker does: a duplicate is skipped, a gap is filled from the project's history first. All of
 * it — facts, position, signals, outbox and the project's level — commits in one transaction, and no
 * transaction is open while the project service is asked for a history (issue 15).
 * A parked project ({@link RiskRegisterParking}) is left as it stopped until it is caught up from its
 * history, also exactly once and in order.
 */
@Service
public class ApplyingProjectEvents {

    public enum Outcome { APPLIED, DUPLICATE, PARKED }

    /** What catching a parked project up applied, and where that left it. */
    public record CaughtUp(String projectId, int eventsApplied, long appliedThroughSequence, Long lastGlobalPosition,
                           RiskLevel level) {
    }

    private static final Logger log = LoggerFactory.getLogger(ApplyingProjectEvents.class);

    private final RiskProjects projects;
    private final ProjectHistory history;
    private final ProjectEventDecoding decoding;
    private final ProjectAssessment assessment;
    private final RiskRegisterParking parking;
    private final InitialLoads initialLoads;
    private final TransactionTemplate transaction;

    ApplyingProjectEvents(RiskProjects projects, ProjectHistory history, ProjectEventDecoding decoding,
                          ProjectAssessment assessment, RiskRegisterParking parking, InitialLoads initialLoads,
                          PlatformTransactionManager transactions) {
        this.projects = projects;
        this.history = history;
        this.decoding = decoding;
        this.assessment = assessment;
        this.parking = parking;
        this.initialLoads = initialLoads;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Under the project's row lock, so that a retry of a parked project and a delivery of its next event
     * never pass each other. A gap is filled from the history, read between two short transactions: the first
     * finds the gap and keeps nothing, the second applies what the history holds, so that no transaction (nor
     * the project's row lock) is held while the project service answers.
     */
    public Outcome apply(EventEnvelope delivered) {
        Optional<Outcome> withoutHistory = transaction.execute(status -> applyDelivered(delivered, null, status));
        if (withoutHistory.isPresent()) {
            return withoutHistory.get();
        }
        List<EventEnvelope> history = historyOf(delivered.projectId());
        return transaction.execute(status -> applyDelivered(delivered, history, status))
                .orElseThrow(() -> new IllegalStateException("a history in hand cannot be asked for again"));
    }

    /**
     * Unparks the project and applies whatever its history holds beyond where it stopped; all or nothing. Then
     * it looks once more: an event delivered while the history was being read found the project still parked,
     * and is in a history read after the unparking committed.
     */
    public CaughtUp catchUp(String projectId) {
        List<EventEnvelope> history = historyOf(projectId);
        CaughtUp unparked = transaction.execute(status -> {
            RiskProject project = projects.lockOrCreate(projectId);
            parking.release(projectId);
            return applyFrom(project, history);
        });
        List<EventEnvelope> since = historyOf(projectId);
        CaughtUp lookedAgain = transaction.execute(status -> applyFrom(projects.lock(projectId), since));
        if (lookedAgain.eventsApplied() == 0) {
            // a project locked but not assessed again knows no level of its own: the first look's stands
            return unparked;
        }
        return new CaughtUp(projectId, unparked.eventsApplied() + lookedAgain.eventsApplied(),
                lookedAgain.appliedThroughSequence(), lookedAgain.lastGlobalPosition(), lookedAgain.level());
    }

    /** {@code history} is null until it was read: then, at a gap, nothing is kept and empty answered. */
    private Optional<Outcome> applyDelivered(EventEnvelope delivered, List<EventEnvelope> history,
                                             TransactionStatus status) {
        RiskProject project = projects.lockOrCreate(delivered.projectId());
        if (parking.isParked(delivered.projectId())) {
            // nothing of it is kept (not even a row just created): its history is read again when it is retried
            status.setRollbackOnly();
            return Optional.of(Outcome.PARKED);
        }
        long expected = project.nextSequence();
        if (delivered.sequenceNumber() < expected) {
            log.debug("event {} of project {} (sequence {}) already applied", delivered.eventId(),
                    delivered.projectId(), delivered.sequenceNumber());
            return Optional.of(Outcome.DUPLICATE);
        }
        List<EventEnvelope> due;
        if (delivered.sequenceNumber() == expected) {
            due = List.of(delivered);
        } else if (history == null) {
            log.info("project {}: event {} arrived while {} is next; reading the missing ones from its history",
                    delivered.projectId(), delivered.sequenceNumber(), expected);
            status.setRollbackOnly();
            return Optional.empty();
        } else {
            due = contiguous(history, delivered.projectId(), expected, delivered.sequenceNumber());
        }
        applyInOrder(project, due);
        return Optional.of(Outcome.APPLIED);
    }

    private CaughtUp applyFrom(RiskProject project, List<EventEnvelope> history) {
        List<EventEnvelope> due = contiguous(history, project.projectId(), project.nextSequence(),
                project.nextSequence() - 1);
        applyInOrder(project, due);
        return new CaughtUp(project.projectId(), due.size(), project.nextSequence() - 1, project.lastGlobalPosition(),
                project.level());
    }

    /** Folds the events, then assesses and saves once; a failure names the first event not applied. */
    private void applyInOrder(RiskProject project, List<EventEnvelope> due) {
        if (due.isEmpty()) {
            return;
        }
        ProjectDetails before = ProjectDetails.of(project.facts());
        try {
            for (EventEnvelope envelope : due) {
                project.fold(envelope, decoding.decode(envelope).orElseGet(() -> {
                    log.warn("event type {} is unknown here; event {} only moves project {} on", envelope.type(),
                            envelope.eventId(), envelope.projectId());
                    return null;
                }), initialLoads.gap());
            }
            assessment.assessAndSave(project, before);
        } catch (RuntimeException failed) {
            throw new NotApplied(due.get(0), failed);
        }
    }

    /** The project's history as the project service has it now; read with no transaction open. */
    private List<EventEnvelope> historyOf(String projectId) {
        return history.find(projectId).orElseThrow(() -> new ProjectUnknown(projectId));
    }

    /**
     * The events of {@code history} from {@code expected} on, reaching at least {@code through} (a delivered
     * event was committed before it was sent); later ones come along too.
     */
    private static List<EventEnvelope> contiguous(List<EventEnvelope> history, String projectId, long expected,
                                                  long through) {
        List<EventEnvelope> missing = history.stream()
                .filter(envelope -> envelope.sequenceNumber() >= expected)
                .sorted(Comparator.comparingLong(EventEnvelope::sequenceNumber))
                .toList();
        for (int index = 0; index < missing.size(); index++) {
            if (missing.get(index).sequenceNumber() != expected + index) {
                throw new GapNotHealed(projectId, expected, through);
            }
        }
        long reached = missing.isEmpty() ? expected - 1 : missing.get(missing.size() - 1).sequenceNumber();
        if (reached < through) {
            throw new GapNotHealed(projectId, expected, through);
        }
        return missing;
    }

    /** The history did not (yet) hold the missing events; the delivery is retried later. */
    public static class GapNotHealed extends RuntimeException {

        GapNotHealed(String projectId, long expected, long through) {
            super("project " + projectId + ": history does not hold events " + expected + " to " + through);
        }
    }

    /** The project service does not know the project at all: its events come from a past it no longer holds. */
    public static class ProjectUnknown extends RuntimeException {

        ProjectUnknown(String projectId) {
            super("the project service does not know project " + projectId + " (its history answers 404)");
        }
    }

    /** Applying failed; {@link #stoppedAt()} is the first event not applied, where the project's view stops. */
    public static class NotApplied extends RuntimeException {

        private final transient EventEnvelope stoppedAt;

        NotApplied(EventEnvelope stoppedAt, RuntimeException failure) {
            super("event " + stoppedAt.eventId() + " (" + stoppedAt.type() + ", sequence " + stoppedAt.sequenceNumber()
                    + ", position " + stoppedAt.globalPosition() + ") of project " + stoppedAt.projectId()
                    + " could not be applied: " + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage()), failure);
            this.stoppedAt = stoppedAt;
        }

        public EventEnvelope stoppedAt() {
            return stoppedAt;
        }
    }
}
