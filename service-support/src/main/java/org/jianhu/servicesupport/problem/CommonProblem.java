package org.jianhu.servicesupport.problem;

import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of error every Jianhu service and the gateway answer with, one title each. A service adds
 * only the kinds that are its own (a closed project, a stale version, an illegal alert step…).
 */
public enum CommonProblem implements ProblemKind {

    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflicts with the current record"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "Address too long"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable");

    private final HttpStatus status;
    private final String title;

    CommonProblem(HttpStatus status, String title) {
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

    /** The common kind for a status that a framework answered on its own (404 of an unknown path, 405 …). */
    public static ProblemKind forStatus(int status) {
        Optional<CommonProblem> exact = Arrays.stream(values()).filter(kind -> kind.status.value() == status).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
