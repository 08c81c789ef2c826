package org.jianhu.servicesupport.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * What the servlet container sends to {@code /error} — a failure in a filter, an error a component sent without a
 * body — answers as problem+json of the common kind of its status, in place of Spring Boot's JSON error page.
 */
@Hidden // the container's, not part of any API
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        ProblemKind kind = CommonProblem.forStatus(status);
        ProblemDetail problem = kind.detail(detailOf(kind, request));
        problem.setStatus(status);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                // the caller's path; an unreadable one is left out
            }
        }
        return ResponseEntity.status(status).contentType(ProblemJson.MEDIA_TYPE).body(problem);
    }

    private static String detailOf(ProblemKind kind, HttpServletRequest request) {
        if (kind == CommonProblem.NOT_FOUND) {
            return "there is nothing at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        }
        if (kind == CommonProblem.INTERNAL) {
            return "the request could not be completed";
        }
        return kind.title().toLowerCase();
    }
}
