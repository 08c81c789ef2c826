package org.jianhu.alert.web;

import org.jianhu.alert.delivery.NotDeadLettered;
import org.jianhu.alert.handling.UnknownAlert;
import org.jianhu.alert.lifecycle.IllegalTransition;
import org.jianhu.alert.lifecycle.NotPermitted;
import org.jianhu.alert.subscription.UnknownSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/** Turns every way a request can fail into RFC 9457 problem+json with a stable type. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(UnknownAlert.class)
    ProblemDetail unknownAlert(UnknownAlert notFound) {
        return ProblemType.NOT_FOUND.detail(notFound.getMessage());
    }

    @ExceptionHandler(UnknownSubscription.class)
    ProblemDetail unknownSubscription(UnknownSubscription notFound) {
        return ProblemType.NOT_FOUND.detail(notFound.getMessage());
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted refused) {
        return ProblemType.FORBIDDEN.detail(refused.getMessage());
    }

    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail illegalTransition(IllegalTransition refused) {
        return ProblemType.ILLEGAL_TRANSITION.detail(refused.getMessage());
    }

    @ExceptionHandler(NotDeadLettered.class)
    ProblemDetail notDeadLettered(NotDeadLettered refused) {
        return ProblemType.CONFLICT.detail(refused.getMessage());
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

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException invalid,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = invalid.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage())).toList();
        ProblemDetail problem = ProblemType.INVALID_REQUEST.detail("the request is not valid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        // Spring's own errors (unreadable body, unsupported method …) keep their status, with our type where one fits.
        if (body instanceof ProblemDetail problem && status.value() == 400) {
            problem.setType(ProblemType.INVALID_REQUEST.uri());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    record FieldError(String field, String message) {
    }
}
