package org.jianhu.project.web;

import org.jianhu.servicesupport.web.ProblemKind;
import org.springframework.http.HttpStatus;

/** The stable kinds of error this service answers with, as RFC 9457 problem types. */
public enum ProblemType implements ProblemKind {

    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT(HttpStatus.CONFLICT, "Conflicts with the record"),
    PROJECT_CLOSED(HttpStatus.CONFLICT, "Project closed"),
    DUPLICATE_CODE(HttpStatus.CONFLICT, "Project code already registered"),
    STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "Project changed since that version"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused for another request"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

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
