package org.jianhu.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import org.jianhu.gateway.GatewayTestBase;
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
}
