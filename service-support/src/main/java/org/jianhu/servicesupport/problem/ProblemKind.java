package org.jianhu.servicesupport.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * A stable kind of error as an RFC 9457 problem type, {@code urn:jianhu:problem:<kind>}. The kinds every
 * service answers with are {@link CommonProblem}; a service lists only its own further kinds, in an enum
 * implementing this. The shape of the answer is the same everywhere.
 */
public interface ProblemKind {

    String PREFIX = "urn:jianhu:problem:";

    /** The enum constant's name, e.g. {@code INVALID_REQUEST} → {@code invalid-request}. */
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
}
