package org.jianhu.project.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jianhu.project.project.Forbidden;
import org.jianhu.project.project.RejectedCommand;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every way a request can fail into RFC 9457 problem+json with a stable type. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(RejectedCommand.class)
    ProblemDetail rejected(RejectedCommand rejected) {
        return switch (rejected.reason()) {
            case INVALID -> invalidField(rejected.field(), rejected.getMessage());
            case NOT_FOUND -> ProblemType.NOT_FOUND.detail(rejected.getMessage());
            case CONFLICT -> ProblemType.CONFLICT.detail(rejected.getMessage());
            case CLOSED -> ProblemType.PROJECT_CLOSED.detail(rejected.getMessage());
        };
    }

    /**
     * Axon may hand a failure over wrapped (in a command execution or event processing exception);
     * the cause decides the answer. Anything unknown is a 500 that tells nothing of the inside.
     */
    @ExceptionHandler({CommandExecutionException.class, EventProcessingException.class})
    ProblemDetail wrapped(RuntimeException failed) {
        for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedCommand rejected) {
                return rejected(rejected);
            }
            if (cause instanceof Forbidden forbidden) {
                return forbidden(forbidden);
            }
            if (cause instanceof DuplicateKeyException duplicate) {
                return duplicateCode(duplicate);
            }
            if (cause instanceof ConflictingAggregateVersionException conflict) {
                return staleVersion(conflict);
            }
        }
        log.error("command failed", failed);
        return ProblemType.INTERNAL.detail("the request could not be completed; nothing was recorded");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException concurrent) {
        return ProblemType.CONFLICT.detail("the project was written by another request at the same moment; "
                + "read it again and retry");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownProject(AggregateNotFoundException notFound) {
        return ProblemType.NOT_FOUND.detail("no project " + notFound.getAggregateIdentifier());
    }

    @ExceptionHandler(UnknownProject.class)
    ProblemDetail unknownProject(UnknownProject notFound) {
        return ProblemType.NOT_FOUND.detail(notFound.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException conflict) {
        ProblemDetail problem = ProblemType.STALE_VERSION.detail("project " + conflict.getAggregateIdentifier()
                + " is at version " + conflict.getActualVersion() + ", not the version named in If-Match ("
                + conflict.getExpectedVersion() + "); read it again and decide anew");
        problem.setProperty("currentVersion", conflict.getActualVersion());
        return problem;
    }

    @ExceptionHandler(Versions.MalformedIfMatch.class)
    ProblemDetail malformedIfMatch(Versions.MalformedIfMatch malformed) {
        return invalidField("If-Match", malformed.getMessage());
    }

    @ExceptionHandler(UnidentifiedActor.class)
    ProblemDetail unidentified(UnidentifiedActor unidentified) {
        return ProblemType.UNAUTHENTICATED.detail(unidentified.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden forbidden) {
        return ProblemType.FORBIDDEN.detail(forbidden.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicateCode(DuplicateKeyException duplicate) {
        return ProblemType.DUPLICATE_CODE.detail("a project with this code is already registered");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
        return invalidField(mismatch.getName(), mismatch.getName() + " cannot be '" + mismatch.getValue() + "'");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException illegal) {
        return ProblemType.INVALID_REQUEST.detail(illegal.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem;
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem = invalidField(field, field + " is not valid: " + mapping.getOriginalMessage());
        } else {
            problem = ProblemType.INVALID_REQUEST.detail("the body is not valid JSON for this request");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail invalidField(String field, String message) {
        ProblemDetail problem = ProblemType.INVALID_REQUEST.detail(message);
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldError(field, message)));
        }
        return problem;
    }

    record FieldError(String field, String message) {
    }
}
