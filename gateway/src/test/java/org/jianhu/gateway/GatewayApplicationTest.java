package org.jianhu.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

// Spring's tests switch metrics export off unless asked; the scrape endpoint is what is tested here.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "jianhu.identity.secret=gateway-application-test-secret-0123456789")
class GatewayApplicationTest {

    @Autowired
    WebTestClient http;
    @LocalManagementPort
    int managementPort;

    /** The management port, which no Ingress publishes: probes and the scraper reach it, callers do not. */
    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    @Test
    void reportsItselfLiveAndReadyOnTheManagementPort() {
        WebTestClient http = management();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsAreScrapedWithoutATokenOnTheManagementPort() {
        management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void theGatewaysOwnPortPublishesNoActuator() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().value(status -> org.assertj.core.api.Assertions
                .assertThat(status).isIn(401, 404));
    }
}
