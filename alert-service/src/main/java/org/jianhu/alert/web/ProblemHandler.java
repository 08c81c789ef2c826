package org.jianhu.alert.web;

import org.jianhu.alert.delivery.NotDeadLettered;
import org.jianhu.alert.handling.UnknownAlert;
import org.jianhu.alert.lifecycle.IllegalTransition;
import org.jianhu.alert.lifecycle.NotPermitted;
import org.jianhu.alert.signal.RetryingParkedProjects;
import org.jianhu.alert.subscription.UnknownSubscription;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The alert service's own failures as problems; what every service answers alike is {@link ProblemHandling}. */
@RestControllerAdvice
public class ProblemHandler extends ProblemHandling {

    @ExceptionHandler({UnknownAlert.class, UnknownSubscription.class})
    ResponseEntity<Object> unknown(RuntimeException notFound) {
        return answer(CommonProblem.NOT_FOUND.detail(notFound.getMessage()));
    }

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<Object> notPermitted(NotPermitted refused) {
        return answer(CommonProblem.FORBIDDEN.detail(refused.getMessage()));
    }

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<Object> illegalTransition(IllegalTransition refused) {
        return answer(ProblemType.ILLEGAL_TRANSITION.detail(refused.getMessage()));
    }

    @ExceptionHandler(RetryingParkedProjects.NotParked.class)
    ResponseEntity<Object> notParked(RetryingParkedProjects.NotParked unknown) {
        return answer(CommonProblem.NOT_FOUND.detail(unknown.getMessage()));
    }

    @ExceptionHandler(RetryingParkedProjects.StillParked.class)
    ResponseEntity<Object> stillParked(RetryingParkedProjects.StillParked refused) {
        return answer(CommonProblem.CONFLICT.detail(refused.getMessage()));
    }

    @ExceptionHandler(NotDeadLettered.class)
    ResponseEntity<Object> notDeadLettered(NotDeadLettered refused) {
        return answer(CommonProblem.CONFLICT.detail(refused.getMessage()));
    }
}
