package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.signal.ProjectDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.util.Comparator;
import java.util.List;

/**
 * Applies a delivered event to its project exactly once and in sequence order, whatever the
 * broker does: a duplicate is skipped, a gap is filled from the project's history first. All of
 * it — facts, position, signals, outbox and the project's level — commits in one transaction.
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

    ApplyingProjectEvents(RiskProjects projects, ProjectHistory history, ProjectEventDecoding decoding,
                          ProjectAssessment assessment, RiskRegisterParking parking) {
        this.projects = projects;
        this.history = history;
        this.decoding = decoding;
        this.assessment = assessment;
        this.parking = parking;
    }

    /**
     * Under the project's row lock, so that a retry of a parked project and a delivery of its next event
     * never pass each other.
     */
    @Transactional
    public Outcome apply(EventEnvelope delivered) {
        RiskProject project = projects.lockOrCreate(delivered.projectId());
        if (parking.isParked(delivered.projectId())) {
            // nothing of it is kept (not even a row just created): its history is read again when it is retried
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.PARKED;
        }
        long expected = project.nextSequence();
        if (delivered.sequenceNumber() < expected) {
            log.debug("event {} of project {} (sequence {}) already applied", delivered.eventId(),
                    delivered.projectId(), delivered.sequenceNumber());
            return Outcome.DUPLICATE;
        }
        List<EventEnvelope> due;
        if (delivered.sequenceNumber() == expected) {
            due = List.of(delivered);
        } else {
            log.info("project {}: event {} arrived while {} is next; reading the missing ones from its history",
                    delivered.projectId(), delivered.sequenceNumber(), expected);
            due = fromHistory(delivered.projectId(), expected, delivered.sequenceNumber());
        }
        applyInOrder(project, due);
        return Outcome.APPLIED;
    }

    /** Unparks the project and applies whatever its history holds beyond where it stopped; all or nothing. */
    @Transactional
    public CaughtUp catchUp(String projectId) {
        RiskProject project = projects.lockOrCreate(projectId);
        parking.release(projectId);
        List<EventEnvelope> due = fromHistory(projectId, project.nextSequence(), project.nextSequence() - 1);
        applyInOrder(project, due);
        return new CaughtUp(projectId, due.size(), project.nextSequence() - 1, project.lastGlobalPosition(),
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
                }));
            }
            assessment.assessAndSave(project, before);
        } catch (RuntimeException failed) {
            throw new NotApplied(due.get(0), failed);
        }
    }

    /**
     * The events from {@code expected} on, as the project service has them, reaching at least
     * {@code through} (a delivered event was committed before it was sent); later ones come along too.
     */
    private List<EventEnvelope> fromHistory(String projectId, long expected, long through) {
        List<EventEnvelope> missing = history.find(projectId).orElseThrow(() -> new ProjectUnknown(projectId))
                .stream()
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
