package org.jianhu.project.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** The stable kinds of error this service answers with, as RFC 9457 problem types. */
public enum ProblemType {

    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
    UNIDENTIFIED(HttpStatus.UNAUTHORIZED, "Unidentified actor"),
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

    public URI uri() {
        return URI.create("urn:jianhu:problem:" + name().toLowerCase().replace('_', '-'));
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }
}
