package org.jianhu.project.progress;

import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.project.project.ProjectState;

import java.time.LocalDate;

import static org.jianhu.project.project.Require.happened;
import static org.jianhu.project.project.Require.percent;

/**
 * What a project decides on reports of its physical progress; one before approval is recorded, for
 * supervision to flag. Progress is observed, so its date is not after {@code today}.
 */
public final class ProgressDecisions {

    private ProgressDecisions() {
    }

    public static ProgressReported report(ReportProgressCommand command, ProjectState project, LocalDate today) {
        return new ProgressReported(project.id(), percent("physicalProgress", command.physicalProgress()),
                happened("date", command.date(), today));
    }
}
