package org.jianhu.testsupport;

import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Plays the gateway in tests that call a service directly: identity headers signed with the secret
 * every {@code @RealInfrastructure} context is given ({@code jianhu.identity.secret}).
 */
public final class TestIdentity {

    public static final String SECRET = "jianhu-test-identity-secret-not-for-production";
    private static final IdentityAssertion ASSERTION = new IdentityAssertion(SECRET, Duration.ofMinutes(5));

    private TestIdentity() {
    }

    /** Signed headers naming the caller; organisation and region may be null. */
    public static Map<String, String> headers(String user, String role, String organisation, String region) {
        return ASSERTION.headers(new CallerIdentity(user, role, organisation, region), Instant.now());
    }

    public static Map<String, String> headers(String user, String role) {
        return headers(user, role, null, null);
    }

    /** The signed headers on a MockMvc request. */
    public static RequestPostProcessor as(String user, String role, String organisation, String region) {
        Map<String, String> headers = headers(user, role, organisation, region);
        return request -> {
            headers.forEach(request::addHeader);
            return request;
        };
    }
}
