package org.jianhu.project.project;

import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.ProjectResumed;
import org.jianhu.contracts.project.ProjectSuspended;

/**
 * The project's OC4IDS status and suspension as events move them: identification → preparation
 * (approved) → implementation (works contracted or progressing) → completion; or cancelled.
 * Works may start before approval (先建后批): that is recorded as it happened, and a later approval
 * does not move the status back; supervision flags it.
 */
public final class Lifecycle {

    public static final String IDENTIFICATION = "identification";
    public static final String PREPARATION = "preparation";
    public static final String IMPLEMENTATION = "implementation";
    public static final String COMPLETION = "completion";
    public static final String CANCELLED = "cancelled";

    private Lifecycle() {
    }

    public static String statusAfter(String status, ProjectEvent event) {
        if (event instanceof ProjectRegistered) {
            return IDENTIFICATION;
        }
        if (event instanceof ProjectApproved) {
            return IDENTIFICATION.equals(status) ? PREPARATION : status;
        }
        if (startsWorks(event)) {
            return IDENTIFICATION.equals(status) || PREPARATION.equals(status) ? IMPLEMENTATION : status;
        }
        if (event instanceof ProjectCompleted) {
            return COMPLETION;
        }
        if (event instanceof ProjectCancelled) {
            return CANCELLED;
        }
        return status;
    }

    public static boolean suspendedAfter(boolean suspended, ProjectEvent event) {
        if (event instanceof ProjectSuspended) {
            return true;
        }
        return !(event instanceof ProjectResumed) && suspended;
    }

    public static boolean isClosed(String status) {
        return COMPLETION.equals(status) || CANCELLED.equals(status);
    }

    private static boolean startsWorks(ProjectEvent event) {
        return event instanceof ProgressReported
                || event instanceof ContractAwarded awarded && "construction".equals(awarded.nature());
    }
}
