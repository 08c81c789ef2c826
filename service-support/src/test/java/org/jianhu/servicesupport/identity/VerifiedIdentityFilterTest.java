package org.jianhu.servicesupport.identity;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedIdentityFilterTest {

    private final IdentityAssertion assertion = new IdentityAssertion("s".repeat(32), Duration.ofMinutes(5));
    private final VerifiedIdentityFilter filter = new VerifiedIdentityFilter(assertion, Clock.systemUTC());

    @Test
    void aSignedRequestReachesTheApiWithItsIdentity() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/projects");
        CallerIdentity auditor = new CallerIdentity("aud-sun", "auditor", "audit-bureau", "Ningbo");
        assertion.headers(auditor, Instant.now()).forEach(request::addHeader);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(VerifiedIdentityFilter.of(request)).isEqualTo(auditor);
    }

    @Test
    void anUnsignedRequestIsRefusedWithAProblemAndGoesNoFurther() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects");
        request.addHeader(IdentityHeaders.USER, "eve");
        request.addHeader(IdentityHeaders.ROLE, "admin");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"type\":\"urn:jianhu:problem:unauthenticated\"", "call through the gateway",
                        "\"instance\":\"/api/projects\"");
    }

    @Test
    void probesNeedNoIdentity() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health/readiness");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }
}
