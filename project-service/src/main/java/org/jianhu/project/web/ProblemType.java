package org.jianhu.project.web;

import org.jianhu.servicesupport.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error that are the project service's own; the common ones (invalid request, forbidden, not
 * found, conflict …) are {@link org.jianhu.servicesupport.problem.CommonProblem}.
 */
public final class ProblemType {

    public static final ProblemKind PROJECT_CLOSED = ProblemKind.of("project-closed", HttpStatus.CONFLICT,
            "Project closed");
    public static final ProblemKind DUPLICATE_CODE = ProblemKind.of("duplicate-code", HttpStatus.CONFLICT,
            "Project code already registered");
    public static final ProblemKind STALE_VERSION = ProblemKind.of("stale-version", HttpStatus.PRECONDITION_FAILED,
            "Project changed since that version");
    /** An OC4IDS package imported in strict mode of which some part cannot be recorded (issue 17). */
    public static final ProblemKind OC4IDS_NOT_IMPORTABLE = ProblemKind.of("oc4ids-not-importable",
            HttpStatus.UNPROCESSABLE_ENTITY, "OC4IDS package cannot be imported whole");
    public static final ProblemKind IDEMPOTENCY_KEY_REUSED = ProblemKind.of("idempotency-key-reused",
            HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused for another request");

    private ProblemType() {
    }
}
