package org.jianhu.gateway.web;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.ProblemKind;
import org.jianhu.servicesupport.problem.UnreadableBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers itself — an unknown path, a method a path does not take, a body it cannot read,
 * a failure of its own — is problem+json of the common kinds, like the services' (ahead of Spring Boot's own JSON
 * error page).
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ProblemDetail problem = problemOf(exchange, failure);
        ProblemKind kind = CommonProblem.forStatus(problem.getStatus());
        return Problems.write(exchange, kind, problem);
    }

    private static ProblemDetail problemOf(ServerWebExchange exchange, Throwable failure) {
        String path = exchange.getRequest().getPath().value();
        if (failure instanceof ServerWebInputException input && !(failure instanceof MethodNotAllowedException)) {
            Throwable cause = input.getCause() instanceof DecodingException decoding ? decoding.getCause() : input.getCause();
            return cause == null && input.getReason() != null && input.getReason().contains("body")
                    ? CommonProblem.INVALID_REQUEST.detail("the request needs a JSON body")
                    : UnreadableBodies.problem(cause);
        }
        if (failure instanceof MethodNotAllowedException notAllowed) {
            return CommonProblem.METHOD_NOT_ALLOWED.detail(notAllowed.getHttpMethod() + " is not allowed on " + path);
        }
        if (failure instanceof UnsupportedMediaTypeStatusException unsupported) {
            return CommonProblem.UNSUPPORTED_MEDIA_TYPE.detail("the body must be application/json, not "
                    + unsupported.getContentType());
        }
        if (failure instanceof ResponseStatusException status) {
            return describe(status.getStatusCode(), path);
        }
        log.error("the gateway failed on {}", path, failure);
        return CommonProblem.INTERNAL.detail("the gateway could not complete the request");
    }

    private static ProblemDetail describe(HttpStatusCode status, String path) {
        ProblemKind kind = CommonProblem.forStatus(status.value());
        if (kind == CommonProblem.NOT_FOUND) {
            return kind.detail("there is nothing at " + path);
        }
        if (kind == CommonProblem.INTERNAL) {
            return kind.detail("the gateway could not complete the request");
        }
        return kind.detail("the gateway refused the request (" + status.value() + ")");
    }
}
