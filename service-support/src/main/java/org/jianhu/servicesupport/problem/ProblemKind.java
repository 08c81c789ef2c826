package org.jianhu.servicesupport.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * A stable kind of error as an RFC 9457 problem type, {@code urn:jianhu:problem:<kind>}. The kinds every
 * service answers with are {@link CommonProblem}; a service names only its own further kinds, with
 * {@link #of}. The shape of the answer is the same everywhere.
 */
public interface ProblemKind {

    String PREFIX = "urn:jianhu:problem:";

    /** A service's own kind, named as it appears in the type: {@code of("project-closed", CONFLICT, "Project closed")}. */
    static ProblemKind of(String name, HttpStatus status, String title) {
        return new Named(name, status, title);
    }

    /** The kind's name, as an enum constant ({@code INVALID_REQUEST}) or as it appears ({@code invalid-request}). */
    String name();

    HttpStatus status();

    String title();

    default URI uri() {
        return URI.create(PREFIX + name().toLowerCase().replace('_', '-'));
    }

    default ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), detail);
        problem.setType(uri());
        problem.setTitle(title());
        return problem;
    }

    record Named(String name, HttpStatus status, String title) implements ProblemKind {
    }
}
