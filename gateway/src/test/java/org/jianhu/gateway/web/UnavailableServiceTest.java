package org.jianhu.gateway.web;

import org.jianhu.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

@TestPropertySource(properties = "jianhu.services.alert-timeout=300")
class UnavailableServiceTest extends GatewayTestBase {

    @Test
    void serviceThatDropsTheCallAnswersServiceUnavailableProblem() {
        expectUnavailable(get("/api/alerts/drop"));
    }

    @Test
    void serviceSlowerThanItsRouteTimeoutAnswersServiceUnavailableProblem() {
        expectUnavailable(get("/api/alerts/slow"));
    }

    @Test
    void otherRoutesKeepTheirOwnTimeout() {
        get("/api/projects/slow").expectStatus().isOk();
    }

    @Test
    void timeoutBoundsTheWaitForAnAnswerNotTheLengthOfAStream() {
        get("/api/alerts/trickle").expectStatus().isOk()
                .expectBody(String.class).isEqualTo(": first\n\n: second\n\n");
    }

    private ResponseSpec get(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(tokenFor("sup-li"))).exchange();
    }

    private static void expectUnavailable(ResponseSpec response) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jianhu:problem:unavailable");
    }
}
