package org.jianhu.project.progress;

import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.project.project.ProjectState;

import static org.jianhu.project.project.Require.percent;
import static org.jianhu.project.project.Require.date;

/**
 * What a project decides on reports of its physical progress; one before approval is recorded, for
 * supervision to flag.
 */
public final class ProgressDecisions {

    private ProgressDecisions() {
    }

    public static ProgressReported report(ReportProgressCommand command, ProjectState project) {
        return new ProgressReported(project.id(), percent("physicalProgress", command.physicalProgress()),
                date("date", command.date()));
    }
}
