package org.jianhu.project.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jianhu.project.project.Forbidden;
import org.jianhu.project.project.RejectedCommand;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.FieldError;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The project service's own failures as problems; what every service answers alike is {@link ProblemHandling}. */
@RestControllerAdvice
public class ProblemHandler extends ProblemHandling {

    @ExceptionHandler(RejectedCommand.class)
    ResponseEntity<Object> rejected(RejectedCommand rejected) {
        return answer(problemOf(rejected));
    }

    /**
     * Axon may hand a failure over wrapped (in a command execution or event processing exception); the cause
     * decides the answer. Anything unknown is a 500 that tells nothing of the inside.
     */
    @ExceptionHandler({CommandExecutionException.class, EventProcessingException.class})
    ResponseEntity<Object> wrapped(RuntimeException failed) {
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
        return unexpected(failed);
    }

    @ExceptionHandler(CommandDispatcher.OutcomeUnknown.class)
    ResponseEntity<Object> outcomeUnknown(CommandDispatcher.OutcomeUnknown unknown) {
        return unavailable();
    }

    @Override
    protected String internalDetail() {
        return "the request could not be completed; nothing was recorded";
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentWrite(ConcurrencyException concurrent) {
        return answer(CommonProblem.CONFLICT.detail("the project was written by another request at the same moment; "
                + "read it again and retry"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownProject(AggregateNotFoundException notFound) {
        return answer(CommonProblem.NOT_FOUND.detail("no project " + notFound.getAggregateIdentifier()));
    }

    @ExceptionHandler(UnknownProject.class)
    ResponseEntity<Object> unknownProject(UnknownProject notFound) {
        return answer(CommonProblem.NOT_FOUND.detail(notFound.getMessage()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException conflict) {
        ProblemDetail problem = ProblemType.STALE_VERSION.detail("project " + conflict.getAggregateIdentifier()
                + " is at version " + conflict.getActualVersion() + ", not the version named in If-Match ("
                + conflict.getExpectedVersion() + "); read it again and decide anew");
        problem.setProperty("currentVersion", conflict.getActualVersion());
        return answer(problem);
    }

    @ExceptionHandler(Versions.MalformedIfMatch.class)
    ResponseEntity<Object> malformedIfMatch(Versions.MalformedIfMatch malformed) {
        return answer(FieldError.invalid("If-Match", malformed.getMessage()));
    }

    @ExceptionHandler(UnidentifiedActor.class)
    ResponseEntity<Object> unidentified(UnidentifiedActor unidentified) {
        return answer(CommonProblem.UNAUTHENTICATED.detail(unidentified.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Object> forbidden(Forbidden forbidden) {
        return answer(CommonProblem.FORBIDDEN.detail(forbidden.getMessage()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicateCode(DuplicateKeyException duplicate) {
        return answer(ProblemType.DUPLICATE_CODE.detail("a project with this code is already registered"));
    }

    private static ProblemDetail problemOf(RejectedCommand rejected) {
        return switch (rejected.reason()) {
            case INVALID -> rejected.field() == null ? CommonProblem.INVALID_REQUEST.detail(rejected.getMessage())
                    : FieldError.invalid(rejected.field(), rejected.getMessage());
            case NOT_FOUND -> CommonProblem.NOT_FOUND.detail(rejected.getMessage());
            case CONFLICT -> CommonProblem.CONFLICT.detail(rejected.getMessage());
            case CLOSED -> ProblemType.PROJECT_CLOSED.detail(rejected.getMessage());
        };
    }
}
