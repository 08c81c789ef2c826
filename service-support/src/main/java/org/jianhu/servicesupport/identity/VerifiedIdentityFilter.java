package org.jianhu.servicesupport.identity;

import org.jianhu.servicesupport.web.ApiRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;

/**
 * Refuses every API request whose identity the gateway did not sign (401 problem+json, nothing
 * done), and keeps the verified identity on the request for the controllers. Actuator endpoints
 * stay open: probes and scrapers carry no user.
 */
public class VerifiedIdentityFilter extends OncePerRequestFilter implements Ordered {

    private static final String ATTRIBUTE = CallerIdentity.class.getName();

    private final IdentityAssertion assertion;
    private final Clock clock;

    public VerifiedIdentityFilter(IdentityAssertion assertion, Clock clock) {
        this.assertion = assertion;
        this.clock = clock;
    }

    /** The identity the gateway vouched for; present on every request that reached an API controller. */
    public static CallerIdentity of(HttpServletRequest request) {
        return (CallerIdentity) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiRequests.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerIdentity identity;
        try {
            identity = assertion.verify(request::getHeader, clock.instant());
        } catch (IdentityAssertion.Unverified unverified) {
            refuse(request, response, unverified.getMessage());
            return;
        }
        request.setAttribute(ATTRIBUTE, identity);
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException {
        ProblemWriter.write(request, response, CommonProblem.UNAUTHENTICATED.detail(reason));
    }

    /** Right after the correlation id, so that refusals are logged and answered with one. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
