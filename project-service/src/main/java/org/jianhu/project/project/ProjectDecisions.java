package org.jianhu.project.project;

import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.ProjectResumed;
import org.jianhu.contracts.project.ProjectSuspended;
import org.jianhu.contracts.project.SupervisorsReassigned;

import java.time.LocalDate;
import java.util.List;

import static org.jianhu.project.project.Require.*;

/**
 * The project's decisions on its own place in the register and its lifecycle: registration,
 * approval, its supervisors, suspension, resumption, cancellation and completion. Each takes the
 * command and the project as it stands, and answers the event to record or refuses. The dates of what
 * happened (approval, suspension, resumption, cancellation, completion) may not be after {@code today}.
 */
public final class ProjectDecisions {

    private ProjectDecisions() {
    }

    public static ProjectRegistered register(RegisterProjectCommand command, SupervisorAccounts accounts) {
        return new ProjectRegistered(identifier("projectId", command.projectId()), identifier("code", command.code()),
                name("title", command.title()), code(ProjectRegistered.TYPES, command.type()),
                name("region", command.region()), name("ownerOrganisation", command.ownerOrganisation()),
                positive("budget", command.budget()), ordered("plannedPeriod", command.plannedPeriod()),
                supervisors(command.supervisors(), accounts));
    }

    /** Works may have started already (先建后批): that is for supervision to flag, not a refusal. */
    public static ProjectApproved approve(ApproveProjectCommand command, ProjectState project, LocalDate today) {
        if (project.approved()) {
            throw RejectedCommand.conflict("project " + project.id() + " is already approved");
        }
        return new ProjectApproved(project.id(), happened("approvalDate", command.approvalDate(), today),
                name("approvalDocumentNumber", command.approvalDocumentNumber()));
    }

    public static SupervisorsReassigned reassignSupervisors(ReassignSupervisorsCommand command, ProjectState project,
                                                            SupervisorAccounts accounts) {
        List<String> supervisors = supervisors(command.supervisors(), accounts);
        if (supervisors.equals(project.supervisors())) {
            throw RejectedCommand.conflict("these are already the responsible supervisors of " + project.id());
        }
        return new SupervisorsReassigned(project.id(), project.supervisors(), supervisors,
                text("reason", command.reason()));
    }

    public static ProjectSuspended suspend(SuspendProjectCommand command, ProjectState project, LocalDate today) {
        if (project.suspended()) {
            throw RejectedCommand.conflict("project " + project.id() + " is already suspended");
        }
        return new ProjectSuspended(project.id(), happened("date", command.date(), today),
                text("reason", command.reason()));
    }

    public static ProjectResumed resume(ResumeProjectCommand command, ProjectState project, LocalDate today) {
        if (!project.suspended()) {
            throw RejectedCommand.conflict("project " + project.id() + " is not suspended");
        }
        return new ProjectResumed(project.id(), happened("date", command.date(), today),
                text("reason", command.reason()));
    }

    /** A suspended project may be cancelled; cancelling ends the suspension. */
    public static ProjectCancelled cancel(CancelProjectCommand command, ProjectState project, LocalDate today) {
        return new ProjectCancelled(project.id(), happened("date", command.date(), today),
                text("reason", command.reason()));
    }

    public static ProjectCompleted complete(RecordCompletionCommand command, ProjectState project, LocalDate today) {
        if (project.suspended()) {
            throw RejectedCommand.conflict("project " + project.id() + " is suspended; resume it before completion");
        }
        return new ProjectCompleted(project.id(), happened("endDate", command.endDate(), today),
                positive("finalValue", command.finalValue()), text("finalScope", command.finalScope()));
    }

    /**
     * Named once each, in order, so that the same people in another order are no reassignment; each a supervisor
     * account, so that no project is left watched by nobody who can log in as its supervisor.
     */
    private static List<String> supervisors(List<String> named, SupervisorAccounts accounts) {
        List<String> supervisors = identifiers("supervisors", named).stream().distinct().sorted().toList();
        List<String> unknown = supervisors.stream().filter(id -> !accounts.isSupervisor(id)).toList();
        if (!unknown.isEmpty()) {
            throw RejectedCommand.invalid("supervisors", "supervisors: " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? " is not a supervisor account" : " are not supervisor accounts"));
        }
        return supervisors;
    }
}
