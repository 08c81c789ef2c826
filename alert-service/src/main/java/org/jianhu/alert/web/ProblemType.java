package org.jianhu.alert.web;

import org.jianhu.servicesupport.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The kinds of error that are the alert service's own; the common ones are
 * {@link org.jianhu.servicesupport.problem.CommonProblem}.
 */
public enum ProblemType implements ProblemKind {

    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "Not possible in the alert's current status");

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
