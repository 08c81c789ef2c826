package org.jianhu.project.project;

/**
 * A command the project's record cannot take. The reason decides how the caller hears of it;
 * nothing is recorded.
 */
public class RejectedCommand extends RuntimeException {

    public enum Reason { INVALID, NOT_FOUND, CONFLICT, CLOSED }

    private final Reason reason;
    private final String field;

    private RejectedCommand(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static RejectedCommand invalid(String field, String message) {
        return new RejectedCommand(Reason.INVALID, field, message);
    }

    public static RejectedCommand notFound(String message) {
        return new RejectedCommand(Reason.NOT_FOUND, null, message);
    }

    public static RejectedCommand conflict(String message) {
        return new RejectedCommand(Reason.CONFLICT, null, message);
    }

    public static RejectedCommand closed(String projectId, String status) {
        return new RejectedCommand(Reason.CLOSED, null,
                "project " + projectId + " is " + status + "; nothing more can be recorded on it");
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, for {@link Reason#INVALID}; otherwise null. */
    public String field() {
        return field;
    }
}
