package org.jianhu.project.web;

import org.jianhu.servicesupport.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error that are the project service's own; the common ones (invalid request, forbidden, not
 * found, conflict …) are {@link org.jianhu.servicesupport.problem.CommonProblem}.
 */
public enum ProblemType implements ProblemKind {

    PROJECT_CLOSED(HttpStatus.CONFLICT, "Project closed"),
    DUPLICATE_CODE(HttpStatus.CONFLICT, "Project code already registered"),
    STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "Project changed since that version"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused for another request");

    private final HttpStatus status;
    private final String title;

    ProblemType(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
