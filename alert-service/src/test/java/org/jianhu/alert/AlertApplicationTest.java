package org.jianhu.alert;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertApplicationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void reportsItselfLiveAndReady() {
        assertThat(http.getForObject("/actuator/health/liveness", String.class)).contains("\"UP\"");
        assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("\"UP\"");
    }
}
