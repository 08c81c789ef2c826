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
    public static final ProblemKind IDEMPOTENCY_KEY_REUSED = ProblemKind.of("idempotency-key-reused",
            HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused for another request");

    private ProblemType() {
    }
}
