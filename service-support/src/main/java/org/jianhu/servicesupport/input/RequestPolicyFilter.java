package org.jianhu.servicesupport.input;

import org.jianhu.servicesupport.web.ApiRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jianhu.servicesupport.problem.FieldError;
import org.jianhu.servicesupport.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The input policy for what is not a body: a query parameter or a path segment of an API request must be
 * printable text of bounded length (refused 400, naming the parameter, before anything reads it), so that no
 * NUL reaches a database query and no page of text reaches a log line.
 */
public class RequestPolicyFilter extends OncePerRequestFilter implements Ordered {

    static final int PARAMETER_LENGTH = 1_000;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiRequests.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<FieldFault> fault = faultOf(request);
        if (fault.isPresent()) {
            ProblemWriter.write(request, response, FieldError.invalid(fault.get().field(), fault.get().message()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<FieldFault> faultOf(HttpServletRequest request) {
        Optional<String> path = InputPolicy.unprintable("the path", decoded(request.getRequestURI()), false);
        if (path.isPresent()) {
            return Optional.of(new FieldFault("path", path.get()));
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            Optional<String> nameFault = InputPolicy.unprintableFault(name, false);
            if (nameFault.isPresent() || name.length() > 100) {
                return Optional.of(new FieldFault("query",
                        "a query parameter's name must be printable text of at most 100 characters"));
            }
            for (String value : parameter.getValue()) {
                if (value.length() > PARAMETER_LENGTH) {
                    return Optional.of(new FieldFault(name, name + " must be at most " + PARAMETER_LENGTH
                            + " characters, not " + value.length()));
                }
                Optional<String> valueFault = InputPolicy.unprintable(name, value, false);
                if (valueFault.isPresent()) {
                    return Optional.of(new FieldFault(name, valueFault.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static String decoded(String uri) {
        try {
            return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return uri;
        }
    }

    private record FieldFault(String field, String message) {
    }

    /** Right after the correlation id, before the identity is read. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
