package org.jianhu.project.integrity.web;

import org.jianhu.project.integrity.Unanswerable;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The integrity API's own refusals; everything else is answered by the service's problem handler. */
@RestControllerAdvice(assignableTypes = {IntegrityController.class, EventProofController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnanswerableHandler {

    @ExceptionHandler(Unanswerable.class)
    ResponseEntity<Object> unanswerable(Unanswerable unanswerable) {
        return ProblemHandling.answer(unanswerable.kind().detail(unanswerable.getMessage()));
    }
}
