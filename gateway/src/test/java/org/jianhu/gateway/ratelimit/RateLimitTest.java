package org.jianhu.gateway.ratelimit;

import org.jianhu.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"jianhu.rate-limit.requests-per-second=0.5", "jianhu.rate-limit.burst=3"})
class RateLimitTest extends GatewayTestBase {

    @Test
    void userFasterThanTheLimitIsToldWhenToRetry() {
        String token = tokenFor("owner-huang");
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/projects").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
        http.get().uri("/api/projects").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueMatches("Retry-After", "[12]")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jianhu:problem:too-many-requests");
    }

    @Test
    void limitIsPerUser() {
        String first = tokenFor("owner-zhang");
        String second = tokenFor("owner-liu");
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/projects").headers(h -> h.setBearerAuth(first)).exchange();
        }
        http.get().uri("/api/projects").headers(h -> h.setBearerAuth(second)).exchange().expectStatus().isOk();
    }
}
