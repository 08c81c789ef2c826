package org.jianhu.gateway;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
public abstract class GatewayTestBase {

    protected static final String IDENTITY_SECRET = "gateway-test-identity-secret-0123456789";

    @Autowired
    protected WebTestClient http;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("jianhu.services.project-url", StubService.PROJECT::url);
        registry.add("jianhu.services.supervision-url", StubService.SUPERVISION::url);
        registry.add("jianhu.services.alert-url", StubService.ALERT::url);
        registry.add("jianhu.identity.secret", () -> IDENTITY_SECRET);
    }

    @SuppressWarnings("unchecked")
    protected String tokenFor(String user) {
        Map<String, Object> answer = http.post().uri("/dev/token").bodyValue(Map.of("user", user))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }
}
