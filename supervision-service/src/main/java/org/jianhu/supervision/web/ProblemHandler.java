package org.jianhu.supervision.web;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.FieldError;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.jianhu.supervision.risk.InvalidThreshold;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Supervision's failures as problems. It has no kinds of its own: every refusal is one of the common kinds;
 * what every service answers alike is {@link ProblemHandling}.
 */
@RestControllerAdvice
public class ProblemHandler extends ProblemHandling {

    @ExceptionHandler({UnknownProject.class, UnknownRule.class, UnknownRebuild.class, NotParked.class})
    ResponseEntity<Object> unknown(RuntimeException notFound) {
        return answer(CommonProblem.NOT_FOUND.detail(notFound.getMessage()));
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<Object> notAllowed(NotAllowed refused) {
        return answer(CommonProblem.FORBIDDEN.detail(refused.getMessage()));
    }

    @ExceptionHandler(StillParked.class)
    ResponseEntity<Object> stillParked(StillParked refused) {
        ProblemDetail problem = CommonProblem.CONFLICT.detail(refused.getMessage());
        problem.setProperty("parked", refused.parked());
        return answer(problem);
    }

    @ExceptionHandler(InvalidThreshold.class)
    ResponseEntity<Object> invalidThreshold(InvalidThreshold invalid) {
        return answer(FieldError.invalid(invalid.threshold(), invalid.getMessage()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> concurrentChange(DuplicateKeyException duplicate) {
        return answer(CommonProblem.CONFLICT.detail("changed by another request at the same moment; read it again and retry"));
    }
}
