package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.supervision.signal.ProjectDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;

/**
 * Applies a delivered event to its project exactly once and in sequence order, whatever the
 * broker does: a duplicate is skipped, a gap is filled from the project's history first. All of
 * it — facts, position, signals, outbox and the project's level — commits in one transaction.
 */
@Service
public class ApplyingProjectEvents {

    private static final Logger log = LoggerFactory.getLogger(ApplyingProjectEvents.class);

    private final RiskProjects projects;
    private final ProjectHistory history;
    private final ProjectEventDecoding decoding;
    private final ProjectAssessment assessment;

    ApplyingProjectEvents(RiskProjects projects, ProjectHistory history, ProjectEventDecoding decoding,
                          ProjectAssessment assessment) {
        this.projects = projects;
        this.history = history;
        this.decoding = decoding;
        this.assessment = assessment;
    }

    @Transactional
    public void apply(EventEnvelope delivered) {
        RiskProject project = projects.lockOrCreate(delivered.projectId());
        long expected = project.nextSequence();
        if (delivered.sequenceNumber() < expected) {
            log.debug("event {} of project {} (sequence {}) already applied", delivered.eventId(),
                    delivered.projectId(), delivered.sequenceNumber());
            return;
        }
        List<EventEnvelope> due = delivered.sequenceNumber() == expected
                ? List.of(delivered) : healingGap(delivered, expected);
        ProjectDetails before = ProjectDetails.of(project.facts());
        for (EventEnvelope envelope : due) {
            project.fold(envelope, decoding.decode(envelope).orElseGet(() -> {
                log.warn("event type {} is unknown here; event {} only moves project {} on", envelope.type(),
                        envelope.eventId(), envelope.projectId());
                return null;
            }));
        }
        assessment.assessAndSave(project, before);
    }

    /**
     * The events from {@code expected} on, as the project service has them, which reaches at
     * least the delivered one (it was committed before it was sent); later ones come along too.
     */
    private List<EventEnvelope> healingGap(EventEnvelope delivered, long expected) {
        log.info("project {}: event {} arrived while {} is next; reading the missing ones from its history",
                delivered.projectId(), delivered.sequenceNumber(), expected);
        List<EventEnvelope> missing = history.of(delivered.projectId()).stream()
                .filter(envelope -> envelope.sequenceNumber() >= expected)
                .sorted(Comparator.comparingLong(EventEnvelope::sequenceNumber))
                .toList();
        for (int index = 0; index < missing.size(); index++) {
            if (missing.get(index).sequenceNumber() != expected + index) {
                throw new GapNotHealed(delivered, expected);
            }
        }
        if (missing.isEmpty() || missing.get(missing.size() - 1).sequenceNumber() < delivered.sequenceNumber()) {
            throw new GapNotHealed(delivered, expected);
        }
        return missing;
    }

    /** The history did not (yet) hold the missing events; the delivery is retried later. */
    public static class GapNotHealed extends RuntimeException {

        GapNotHealed(EventEnvelope delivered, long expected) {
            super("project " + delivered.projectId() + ": history does not hold events " + expected + " to "
                    + delivered.sequenceNumber());
        }
    }
}
