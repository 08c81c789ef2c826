package org.jianhu.contracts.project;

/**
 * Where a project stands in its OC4IDS lifecycle, and whether it is suspended, as its events move it:
 * identification → preparation (approved) → implementation (works contracted or progressing) → completion;
 * or cancelled. Works may start before approval (先建后批): that is recorded as it happened, a later
 * approval does not move the status back, and supervision flags it. Closing a project (completion or
 * cancellation) ends any suspension.
 *
 * <p>The one statement of this machine: the project service decides on commands with it and lists
 * projects by it, supervision files its risk register by it.
 */
public record ProjectLifecycle(String status, boolean suspended) {

    public static final String IDENTIFICATION = "identification";
    public static final String PREPARATION = "preparation";
    public static final String IMPLEMENTATION = "implementation";
    public static final String COMPLETION = "completion";
    public static final String CANCELLED = "cancelled";

    /** The OC4IDS projectStatus codes a project of Jianhu can reach. */
    public static final CodeList STATUSES = CodeList.of("status",
            IDENTIFICATION, PREPARATION, IMPLEMENTATION, COMPLETION, CANCELLED);

    /** Before the project's first event. */
    public static final ProjectLifecycle UNREGISTERED = new ProjectLifecycle(null, false);

    public ProjectLifecycle after(ProjectEvent event) {
        if (event instanceof ProjectRegistered) {
            return new ProjectLifecycle(IDENTIFICATION, false);
        }
        return new ProjectLifecycle(statusAfter(event), suspendedAfter(event));
    }

    public boolean isClosed() {
        return COMPLETION.equals(status) || CANCELLED.equals(status);
    }

    private String statusAfter(ProjectEvent event) {
        if (event instanceof ProjectApproved) {
            return beforeApproval() ? PREPARATION : status;
        }
        if (startsWorks(event)) {
            return beforeApproval() || PREPARATION.equals(status) ? IMPLEMENTATION : status;
        }
        if (event instanceof ProjectCompleted) {
            return COMPLETION;
        }
        if (event instanceof ProjectCancelled) {
            return CANCELLED;
        }
        return status;
    }

    private boolean suspendedAfter(ProjectEvent event) {
        if (event instanceof ProjectSuspended) {
            return true;
        }
        if (event instanceof ProjectResumed || event instanceof ProjectCompleted || event instanceof ProjectCancelled) {
            return false;
        }
        return suspended;
    }

    /** A consumer that missed the registration (a partial history) still moves the project forward. */
    private boolean beforeApproval() {
        return status == null || IDENTIFICATION.equals(status);
    }

    /** Works start with a construction contract or the first progress report. */
    public static boolean startsWorks(ProjectEvent event) {
        return event instanceof ProgressReported
                || event instanceof ContractAwarded awarded && ContractAwarded.CONSTRUCTION.equals(awarded.nature());
    }
}
