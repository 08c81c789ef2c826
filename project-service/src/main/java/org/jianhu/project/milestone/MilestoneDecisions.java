package org.jianhu.project.milestone;

import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.project.project.ProjectState;
import org.jianhu.project.project.RejectedCommand;

import java.time.LocalDate;

import static org.jianhu.project.project.Require.*;

/** What a project decides on its OC4IDS milestones: planning one, and reporting how it stands. */
public final class MilestoneDecisions {

    private MilestoneDecisions() {
    }

    public static MilestonePlanned plan(PlanMilestoneCommand command, ProjectState project) {
        String milestoneId = newId("milestoneId", command.milestoneId(), id -> project.milestone(id) != null,
                "milestone %s is already planned");
        if (command.value() != null) {
            positive("value", command.value());
        }
        String code = command.code() == null ? null : identifier("code", command.code());
        return new MilestonePlanned(project.id(), milestoneId, name("title", command.title()),
                code(MilestonePlanned.TYPES, command.type()), code, date("dueDate", command.dueDate()),
                command.value());
    }

    /**
     * Until it is met a milestone may be reported again; only a met one carries the date it was met, not after
     * {@code today}. Its due date, planned, may lie ahead.
     */
    public static MilestoneStatusReported reportStatus(ReportMilestoneStatusCommand command, ProjectState project,
                                                       LocalDate today) {
        MilestoneState milestone = project.milestone(command.milestoneId());
        if (milestone == null) {
            throw RejectedCommand.notFound("no milestone " + command.milestoneId() + " on project " + project.id());
        }
        if (milestone.isMet()) {
            throw RejectedCommand.conflict("milestone " + command.milestoneId() + " is already met");
        }
        String status = code(MilestoneStatusReported.STATUSES, command.status());
        if (MilestoneStatusReported.MET.equals(status)) {
            happened("dateMet", command.dateMet(), today);
        } else if (command.dateMet() != null) {
            throw RejectedCommand.invalid("dateMet", "dateMet belongs only to a met milestone");
        }
        return new MilestoneStatusReported(project.id(), command.milestoneId(), status, command.dateMet());
    }
}
