package org.jianhu.project.inspection;

import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.jianhu.project.inspection.InspectionState.Rectification;
import org.jianhu.project.project.ProjectState;
import org.jianhu.project.project.RejectedCommand;

import java.time.LocalDate;

import static org.jianhu.project.project.Require.*;

/**
 * What a project decides on its inspections and their rectification (整改): a failed inspection
 * waits for the owner's report, which waits for verification (核验); a rejected one waits again.
 * Inspection, report and verification are dated when they took place, not after {@code today}; the deadline
 * to rectify lies ahead.
 */
public final class InspectionDecisions {

    private InspectionDecisions() {
    }

    /** A failed inspection names its findings and the deadline to put them right. */
    public static InspectionRecorded record(RecordInspectionCommand command, ProjectState project, LocalDate today) {
        String inspectionId = newId("inspectionId", command.inspectionId(), id -> project.inspection(id) != null,
                "inspection %s is already recorded");
        String result = code(InspectionRecorded.RESULTS, command.result());
        boolean failed = InspectionRecorded.FAILED.equals(result);
        String findings = failed ? text("findings", command.findings()) : optionalText("findings", command.findings());
        LocalDate deadline = failed ? date("rectificationDeadline", command.rectificationDeadline())
                : optionalDate("rectificationDeadline", command.rectificationDeadline());
        return new InspectionRecorded(project.id(), inspectionId, party("inspector", command.inspector()),
                happened("date", command.date(), today), text("scope", command.scope()), result, findings, deadline);
    }

    public static RectificationReported reportRectification(ReportRectificationCommand command, ProjectState project,
                                                            LocalDate today) {
        Rectification rectification = inspection(command.inspectionId(), project).rectification();
        if (rectification != Rectification.awaitingRectification) {
            throw RejectedCommand.conflict("inspection " + command.inspectionId() + " is not awaiting rectification ("
                    + rectification + ")");
        }
        return new RectificationReported(project.id(), command.inspectionId(), happened("date", command.date(), today),
                text("description", command.description()));
    }

    public static RectificationVerified verifyRectification(VerifyRectificationCommand command, ProjectState project,
                                                            LocalDate today) {
        Rectification rectification = inspection(command.inspectionId(), project).rectification();
        if (rectification != Rectification.awaitingVerification) {
            throw RejectedCommand.conflict("inspection " + command.inspectionId()
                    + " has no rectification awaiting verification (" + rectification + ")");
        }
        return new RectificationVerified(project.id(), command.inspectionId(), happened("date", command.date(), today),
                name("verifier", command.verifier()), present("accepted", command.accepted()),
                optionalText("comment", command.comment()));
    }

    private static InspectionState inspection(String inspectionId, ProjectState project) {
        InspectionState inspection = project.inspection(inspectionId);
        if (inspection == null) {
            throw RejectedCommand.notFound("no inspection " + inspectionId + " on project " + project.id());
        }
        return inspection;
    }
}
