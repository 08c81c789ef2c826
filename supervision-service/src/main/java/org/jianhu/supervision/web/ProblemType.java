package org.jianhu.supervision.web;

import org.jianhu.servicesupport.web.ProblemKind;
import org.springframework.http.HttpStatus;

/** The stable kinds of error this service answers with, as RFC 9457 problem types. */
public enum ProblemType implements ProblemKind {

    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed for this caller"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT(HttpStatus.CONFLICT, "Conflicts with a concurrent change"),
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
