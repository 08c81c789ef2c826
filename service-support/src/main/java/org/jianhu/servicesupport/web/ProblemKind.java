package org.jianhu.servicesupport.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * A stable kind of error as an RFC 9457 problem type, {@code urn:jianhu:problem:<kind>}. Each service
 * lists its kinds in an enum implementing this; the shape of the answer is the same everywhere.
 */
public interface ProblemKind {

    /** The enum constant's name, e.g. {@code INVALID_REQUEST} → {@code invalid-request}. */
    String name();

    HttpStatus status();

    String title();

    default URI uri() {
        return URI.create("urn:jianhu:problem:" + name().toLowerCase().replace('_', '-'));
    }

    default ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), detail);
        problem.setType(uri());
        problem.setTitle(title());
        return problem;
    }
}
