package org.jianhu.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.time.Duration;
import java.time.Instant;

import org.jianhu.gateway.GatewayTestBase;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.jianhu.gateway.StubService;
import org.junit.jupiter.api.Test;

class IdentityHeadersTest extends GatewayTestBase {

    @Test
    void serviceSeesTheIdentityOfTheTokenNotTheCallersHeaders() {
        http.get().uri("/api/risk/projects").headers(h -> {
                    h.setBearerAuth(tokenFor("sup-wang"));
                    h.set("X-Jianhu-User", "admin-chen");
                    h.set("X-Jianhu-Role", "admin");
                    h.set("x-jianhu-organisation", "forged-org");
                    h.set("X-Jianhu-Anything", "forged");
                })
                .exchange().expectStatus().isOk();

        Headers seen = StubService.SUPERVISION.last().headers();
        assertThat(seen.get("X-Jianhu-User")).containsExactly("sup-wang");
        assertThat(seen.get("X-Jianhu-Role")).containsExactly("supervisor");
        assertThat(seen.get("X-Jianhu-Organisation")).containsExactly("supervision-office");
        assertThat(seen.get("X-Jianhu-Region")).containsExactly("Beilun");
        assertThat(seen.containsKey("X-Jianhu-Anything")).isFalse();
    }

    @Test
    void theIdentityIsSignedSoThatTheServiceBelievesIt() {
        http.get().uri("/api/alerts").headers(h -> h.setBearerAuth(tokenFor("owner-liu")))
                .exchange().expectStatus().isOk();

        Headers seen = StubService.ALERT.last().headers();
        IdentityAssertion service = new IdentityAssertion(IDENTITY_SECRET, Duration.ofMinutes(5));
        assertThat(service.verify(seen::getFirst, Instant.now()))
                .isEqualTo(new CallerIdentity("owner-liu", "owner", "water-authority", "Beilun"));
    }

    @Test
    void aCallersOwnSignatureIsDroppedAndTheTokenNotForwarded() {
        http.get().uri("/api/alerts").headers(h -> {
                    h.setBearerAuth(tokenFor("owner-liu"));
                    h.set("X-Jianhu-Identity", "v1;t=1;sig=forged");
                })
                .exchange().expectStatus().isOk();

        Headers seen = StubService.ALERT.last().headers();
        assertThat(seen.get("X-Jianhu-Identity")).hasSize(1).doesNotContain("v1;t=1;sig=forged");
        assertThat(seen.containsKey("Authorization")).isFalse();
    }
}
