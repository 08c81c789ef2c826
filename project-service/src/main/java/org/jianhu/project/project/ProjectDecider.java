package org.jianhu.project.project;

import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ContractDecisions;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.FundsDecisions;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.InspectionDecisions;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.ReportRectificationCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.MilestoneDecisions;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ProgressDecisions;
import org.jianhu.project.progress.ReportProgressCommand;

import java.time.LocalDate;

/**
 * The one routing of a command on a project to its decision: who may send it, whether the project still takes
 * anything, and which concept's {@code *Decisions} answers the event. The aggregate {@link Project} decides
 * through it, and so does an OC4IDS import's dry run, which folds a whole package in memory before it records
 * anything; what the two decide cannot differ.
 *
 * <p>A plain function of what it is handed: the command, the project as it stands ({@code null} before its
 * registration), the actor the command's metadata names, the business date of today and the supervisor accounts.
 */
public final class ProjectDecider {

    private ProjectDecider() {
    }

    /**
     * @return the one event the command records
     * @throws Forbidden       when the actor may not send the command
     * @throws RejectedCommand when the project cannot take it
     */
    public static ProjectEvent decide(Object command, ProjectState project, Actor actor, LocalDate today,
                                      SupervisorAccounts accounts) {
        if (command instanceof RegisterProjectCommand registration) {
            actor.requireAdministering(registration.activity());
            if (project != null && project.id() != null) {
                throw RejectedCommand.conflict("project " + project.id() + " is registered already");
            }
            return ProjectDecisions.register(registration, accounts);
        }
        if (project == null || project.id() == null) {
            throw RejectedCommand.notFound("no project is registered for " + command.getClass().getSimpleName());
        }
        authorise(command, project, actor);
        return route(command, open(project), today, accounts);
    }

    /** Administration is for admins; every other command records a fact, which only the project's owners may. */
    private static void authorise(Object command, ProjectState project, Actor actor) {
        if (command instanceof ProjectAdministration administration) {
            actor.requireAdministering(administration.activity());
        } else {
            actor.requireRecordingFactsOn(project);
        }
    }

    /** A completed or cancelled project takes nothing more, whatever the command. */
    private static ProjectState open(ProjectState project) {
        if (project.isClosed()) {
            throw RejectedCommand.closed(project.id(), project.status());
        }
        return project;
    }

    private static ProjectEvent route(Object command, ProjectState project, LocalDate today,
                                      SupervisorAccounts accounts) {
        if (command instanceof ApproveProjectCommand c) {
            return ProjectDecisions.approve(c, project, today);
        } else if (command instanceof ReassignSupervisorsCommand c) {
            return ProjectDecisions.reassignSupervisors(c, project, accounts);
        } else if (command instanceof SuspendProjectCommand c) {
            return ProjectDecisions.suspend(c, project, today);
        } else if (command instanceof ResumeProjectCommand c) {
            return ProjectDecisions.resume(c, project, today);
        } else if (command instanceof CancelProjectCommand c) {
            return ProjectDecisions.cancel(c, project, today);
        } else if (command instanceof RecordCompletionCommand c) {
            return ProjectDecisions.complete(c, project, today);
        } else if (command instanceof PlanMilestoneCommand c) {
            return MilestoneDecisions.plan(c, project);
        } else if (command instanceof ReportMilestoneStatusCommand c) {
            return MilestoneDecisions.reportStatus(c, project, today);
        } else if (command instanceof ReportProgressCommand c) {
            return ProgressDecisions.report(c, project, today);
        } else if (command instanceof AwardContractCommand c) {
            return ContractDecisions.award(c, project, today);
        } else if (command instanceof ModifyContractCommand c) {
            return ContractDecisions.modify(c, project, today);
        } else if (command instanceof RecordTransactionCommand c) {
            return FundsDecisions.recordTransaction(c, project, today);
        } else if (command instanceof RecordInspectionCommand c) {
            return InspectionDecisions.record(c, project, today);
        } else if (command instanceof ReportRectificationCommand c) {
            return InspectionDecisions.reportRectification(c, project, today);
        } else if (command instanceof VerifyRectificationCommand c) {
            return InspectionDecisions.verifyRectification(c, project, today);
        }
        throw new IllegalArgumentException("a project takes no " + command.getClass().getName());
    }
}
