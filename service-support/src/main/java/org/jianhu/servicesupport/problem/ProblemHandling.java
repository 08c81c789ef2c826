package org.jianhu.servicesupport.problem;

import org.jianhu.servicesupport.input.InvalidInput;
import org.jianhu.servicesupport.parking.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What every servlet service answers alike, as RFC 9457 problem+json whatever the caller asked to accept:
 * a parameter or body it cannot read (naming the field, in plain words), a failed validation, an illegal
 * argument, Spring's own refusals (unknown path, method, media type …) under the common kinds, and a
 * catch-all 500 that tells nothing of the inside. A service's advice extends this and maps only its own
 * exceptions.
 */
public abstract class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    /** About the time a database restart or a broker reconnect takes. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** The answer for a problem: its status, and problem+json even to a caller that accepts only an event stream. */
    public static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(ProblemJson.MEDIA_TYPE).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<Object> parameterMismatch(MethodArgumentTypeMismatchException mismatch) {
        String message = mismatch.getName() + " must be " + Expectations.of(mismatch.getRequiredType())
                + ", not '" + mismatch.getValue() + "'";
        return answer(FieldError.invalid(mismatch.getName(), message));
    }

    @ExceptionHandler(InvalidInput.class)
    protected ResponseEntity<Object> invalidInput(InvalidInput invalid) {
        return answer(FieldError.invalid(invalid.field(), invalid.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    protected ResponseEntity<Object> illegalArgument(IllegalArgumentException illegal) {
        return answer(CommonProblem.INVALID_REQUEST.detail(illegal.getMessage()));
    }

    /**
     * A failure of the world (the database or the broker away, another service not answering) is 503 with
     * Retry-After: nothing was done, and the same request will do once it is back. Anything else nobody foresaw
     * is a logged 500.
     */
    @ExceptionHandler(RuntimeException.class)
    protected ResponseEntity<Object> unexpected(RuntimeException failed) {
        if (Failures.isTransient(failed)) {
            log.warn("request failed while a dependency is away: {}", failed.toString());
            return unavailable();
        }
        log.error("request failed", failed);
        return answer(CommonProblem.INTERNAL.detail(internalDetail()));
    }

    /** 503 unavailable, with the seconds after which a retry is worth it. */
    public static ResponseEntity<Object> unavailable() {
        return ResponseEntity.status(CommonProblem.UNAVAILABLE.status()).contentType(ProblemJson.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(unavailableProblem());
    }

    public static ProblemDetail unavailableProblem() {
        return CommonProblem.UNAVAILABLE.detail("the service cannot reach what it depends on just now; nothing was "
                + "acknowledged — retry in a few seconds (with the same Idempotency-Key, if you sent one)");
    }

    /** What the caller hears of a failure nobody foresaw. */
    protected String internalDetail() {
        return "the request could not be completed";
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException unreadable,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        return answer(UnreadableBodies.problem(unreadable.getCause()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException invalid,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = invalid.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getField() + " " + error.getDefaultMessage()))
                .toList();
        String detail = errors.isEmpty() ? "the request is not valid"
                : errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
        return answer(FieldError.invalid(detail, errors));
    }

    /** Spring's own refusals keep their status, under the common kind of that status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                          @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemKind kind = CommonProblem.forStatus(status.value());
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(kind.uri());
                problem.setTitle(kind.title());
            }
        }
        HttpHeaders answered = new HttpHeaders();
        answered.putAll(headers);
        answered.setContentType(ProblemJson.MEDIA_TYPE);
        return super.createResponseEntity(body, answered, status, request);
    }
}
