package org.jianhu.alert.lifecycle;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The state machine of one alert. Pure: every step returns the alert after it and the timeline
 * entry, or refuses. The colour ({@code level}) rises with the signal but drops only when a
 * supervisor accepts the rectification (整改不完成，预警不变色).
 */
public record Alert(UUID id, UUID signalId, String projectId, String ruleId, Level level, Level signalLevel,
                    AlertStatus status, String assigneeOrganisation, LocalDate deadline) {

    public static Change raise(UUID id, UUID signalId, String projectId, String ruleId, Level level) {
        Alert raised = new Alert(id, signalId, projectId, ruleId, level, level, AlertStatus.RAISED, null, null);
        return new Change(raised, Step.RAISED, Actor.SUPERVISION, null);
    }

    public Change signalAt(Level newLevel) {
        if (!status.open()) {
            return new Change(with(newLevel, newLevel, AlertStatus.RAISED, null, null), Step.REOPENED,
                    Actor.SUPERVISION, "the signal is " + newLevel.name().toLowerCase() + " again");
        }
        Level shown = newLevel.above(level) ? newLevel : level;
        return new Change(with(shown, newLevel, status, assigneeOrganisation, deadline), Step.SIGNAL_LEVEL_CHANGED,
                Actor.SUPERVISION, null);
    }

    public Change signalCleared() {
        return new Change(with(level, Level.GREEN, status, assigneeOrganisation, deadline), Step.SIGNAL_CLEARED,
                Actor.SUPERVISION, null);
    }

    /** Not assigned in time: the alert goes to the regional lead, and stays raised. */
    public Change escalate(String lead) {
        expect(AlertStatus.RAISED, "escalate");
        return new Change(this, Step.ESCALATED, Actor.ESCALATION, "not assigned in time; escalated to " + lead);
    }

    public Change assign(Actor actor, String organisation, LocalDate newDeadline, LocalDate today, String comment) {
        require(actor, Role.SUPERVISOR, "assign");
        expect(AlertStatus.RAISED, "assign");
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("name the organisation the alert is assigned to");
        }
        Deadlines.fault(newDeadline, today).ifPresent(fault -> {
            throw new IllegalArgumentException(fault);
        });
        return new Change(with(level, signalLevel, AlertStatus.ASSIGNED, organisation, newDeadline), Step.ASSIGNED,
                actor, comment);
    }

    public Change reportRectification(Actor actor, String comment) {
        require(actor, Role.OWNER, "report rectification of");
        expect(AlertStatus.ASSIGNED, "report rectification of");
        if (!assigneeOrganisation.equals(actor.organisation())) {
            throw new NotPermitted("only " + assigneeOrganisation + ", to which the alert is assigned, reports its rectification");
        }
        requireText(comment, "describe the rectification");
        return new Change(with(level, signalLevel, AlertStatus.RECTIFICATION_REPORTED, assigneeOrganisation, deadline),
                Step.RECTIFICATION_REPORTED, actor, comment);
    }

    public Change verify(Actor actor, boolean accepted, String comment) {
        require(actor, Role.SUPERVISOR, "verify");
        expect(AlertStatus.RECTIFICATION_REPORTED, "verify");
        if (accepted) {
            return new Change(with(signalLevel, signalLevel, AlertStatus.VERIFIED, assigneeOrganisation, deadline),
                    Step.VERIFIED, actor, comment);
        }
        requireText(comment, "say why the rectification is rejected");
        return new Change(with(level, signalLevel, AlertStatus.ASSIGNED, assigneeOrganisation, deadline),
                Step.VERIFICATION_REJECTED, actor, comment);
    }

    public Change close(Actor actor, String comment) {
        require(actor, Role.SUPERVISOR, "close");
        expect(AlertStatus.VERIFIED, "close");
        return new Change(with(level, signalLevel, AlertStatus.CLOSED, assigneeOrganisation, deadline), Step.CLOSED,
                actor, comment);
    }

    public Change dismiss(Actor actor, String justification) {
        require(actor, Role.SUPERVISOR, "dismiss");
        if (!status.open()) {
            throw new IllegalTransition("dismiss", status);
        }
        requireText(justification, "a dismissal needs a written justification");
        return new Change(with(level, signalLevel, AlertStatus.DISMISSED, assigneeOrganisation, deadline),
                Step.DISMISSED, actor, justification);
    }

    private Alert with(Level newLevel, Level newSignalLevel, AlertStatus newStatus, String organisation,
                       LocalDate newDeadline) {
        return new Alert(id, signalId, projectId, ruleId, newLevel, newSignalLevel, newStatus, organisation, newDeadline);
    }

    private void expect(AlertStatus required, String step) {
        if (status != required) {
            throw new IllegalTransition(step, status);
        }
    }

    private static void require(Actor actor, Role role, String step) {
        if (actor.role() != role) {
            throw new NotPermitted("only a " + role.wireName() + " may " + step + " an alert, not a "
                    + actor.role().wireName());
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
