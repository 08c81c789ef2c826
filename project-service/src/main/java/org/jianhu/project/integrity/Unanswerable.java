package org.jianhu.project.integrity;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/** A question about the record the log cannot answer (yet): answered as the problem of its kind. */
public class Unanswerable extends RuntimeException {

    /** The event is in the tree, but no signed checkpoint covers it yet; one will within the checkpoint interval. */
    public static final ProblemKind NOT_YET_CHECKPOINTED = ProblemKind.of("not-yet-checkpointed", HttpStatus.CONFLICT,
            "Not yet covered by a signed checkpoint");

    private final transient ProblemKind kind;

    private Unanswerable(ProblemKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static Unanswerable notFound(String message) {
        return new Unanswerable(CommonProblem.NOT_FOUND, message);
    }

    public static Unanswerable notYetCheckpointed(String message) {
        return new Unanswerable(NOT_YET_CHECKPOINTED, message);
    }

    public ProblemKind kind() {
        return kind;
    }
}
