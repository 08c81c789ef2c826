package org.jianhu.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jianhu.gateway.GatewayTestBase;
import org.jianhu.gateway.StubService;
import org.junit.jupiter.api.Test;

class CorrelationIdTest extends GatewayTestBase {

    @Test
    void callersRequestIdIsForwardedAndAnswered() {
        http.get().uri("/api/projects").header("X-Correlation-Id", "req-42")
                .headers(h -> h.setBearerAuth(tokenFor("sup-li")))
                .exchange().expectStatus().isOk()
                .expectHeader().valuesMatch("X-Correlation-Id", "req-42");
        assertThat(StubService.PROJECT.last().headers().get("X-Correlation-Id")).containsExactly("req-42");
    }

    @Test
    void missingRequestIdIsGeneratedAndForwarded() {
        String id = http.get().uri("/api/projects").headers(h -> h.setBearerAuth(tokenFor("sup-li")))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(id).isNotBlank();
        assertThat(StubService.PROJECT.last().headers().getFirst("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void refusalsCarryTheRequestIdToo() {
        http.get().uri("/api/projects").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("X-Correlation-Id");
    }
}
