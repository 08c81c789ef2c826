package org.jianhu.servicesupport.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/** Answers a request with a problem from a servlet filter, where no controller advice reaches. */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // the path is the caller's; an unreadable one is left out rather than failing the answer
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(ProblemJson.MEDIA_TYPE.toString());
        byte[] body = ProblemJson.bytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
