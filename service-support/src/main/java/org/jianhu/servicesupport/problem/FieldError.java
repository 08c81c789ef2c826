package org.jianhu.servicesupport.problem;

import org.springframework.http.ProblemDetail;

import java.util.List;

/**
 * One field of a request at fault, in plain words. An invalid request lists them under {@code errors}, so a
 * form can put each message next to its field.
 */
public record FieldError(String field, String message) {

    /** 400 invalid-request naming one field; the detail is the field's message. */
    public static ProblemDetail invalid(String field, String message) {
        return invalid(message, List.of(new FieldError(field, message)));
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = CommonProblem.INVALID_REQUEST.detail(detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
