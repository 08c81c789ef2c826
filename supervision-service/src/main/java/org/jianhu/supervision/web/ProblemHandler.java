package org.jianhu.supervision.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/** Turns every way a request can fail into RFC 9457 problem+json with a stable type. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(UnknownProject.class)
    ProblemDetail unknownProject(UnknownProject notFound) {
        return ProblemType.NOT_FOUND.detail(notFound.getMessage());
    }

    @ExceptionHandler(UnknownRule.class)
    ProblemDetail unknownRule(UnknownRule notFound) {
        return ProblemType.NOT_FOUND.detail(notFound.getMessage());
    }

    @ExceptionHandler(UnknownRebuild.class)
    ProblemDetail unknownRebuild(UnknownRebuild notFound) {
        return ProblemType.NOT_FOUND.detail(notFound.getMessage());
    }

    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed refused) {
        return ProblemType.FORBIDDEN.detail(refused.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail concurrentChange(DuplicateKeyException duplicate) {
        return ProblemType.CONFLICT.detail("changed by another request at the same moment; read it again and retry");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
        String message = mismatch.getName() + " cannot be '" + mismatch.getValue() + "'";
        ProblemDetail problem = ProblemType.INVALID_REQUEST.detail(message);
        problem.setProperty("errors", List.of(new FieldError(mismatch.getName(), message)));
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException illegal) {
        return ProblemType.INVALID_REQUEST.detail(illegal.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail internal(RuntimeException failed) {
        log.error("request failed", failed);
        return ProblemType.INTERNAL.detail("the request could not be completed");
    }

    record FieldError(String field, String message) {
    }
}
