package org.jianhu.gateway;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTest extends GatewayTestBase {

    @ParameterizedTest
    @CsvSource({
            "/api/projects, project-service",
            "/api/projects/p-1/history, project-service",
            "/api/events/stream, project-service",
            "/api/integrity/checkpoint, project-service",
            "/api/events/42/proof, project-service",
            "/api/oc4ids/import, project-service",
            "/api/projects/p-1/oc4ids, project-service",
            "/api/risk/portfolio, supervision-service",
            "/api/alerts/a-1, alert-service",
            "/api/subscriptions, alert-service"})
    void eachPathGoesToItsService(String path, String service) {
        http.get().uri(path).headers(h -> h.setBearerAuth(tokenFor("aud-sun")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);
    }
}
