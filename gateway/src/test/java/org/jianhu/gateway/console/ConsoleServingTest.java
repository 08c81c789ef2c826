package org.jianhu.gateway.console;

import org.jianhu.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway serves the console's build at / to anyone, under a strict policy; the API still wants a token. */
class ConsoleServingTest extends GatewayTestBase {

    @Test
    void theConsoleIsServedAtTheRootWithoutAToken() {
        String page = http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<div id=\"app\"></div>").containsPattern("src=\"/assets/[^\"]+\\.js\"");
        assertThat(page).as("no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    @Test
    void itsAssetsAreServedAndKeptForGoodSinceTheirNamesChangeWithTheirContent() {
        String script = assetOf(http.get().uri("/").exchange().expectBody(String.class).returnResult().getResponseBody());

        http.get().uri(script).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"))
                .expectHeader().valueEquals("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void everyAnswerForbidsInlineScriptOtherOriginsAndFramingAndSniffing() {
        for (ResponseSpec answer : List.of(http.get().uri("/").exchange(), http.get().uri("/api/risk/portfolio").exchange())) {
            answer.expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                            + "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; "
                            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
    }

    @Test
    void theIndexIsNeverCachedSoANewBuildIsTakenAtOnce() {
        http.get().uri("/").exchange().expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"));
    }

    @Test
    void theApiBehindTheConsoleStillNeedsABearerToken() {
        http.get().uri("/api/risk/portfolio").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAssetThatIsNotThereIsAProblemNotAPage() {
        http.get().uri("/assets/nothing-here.js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDevelopmentIssuerListsTheDemoUsersToSignInAs() {
        List<Map<String, String>> users = http.get().uri("/dev/users").exchange()
                .expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();

        assertThat(users).anySatisfy(user -> assertThat(user).containsEntry("id", "sup-li")
                .containsEntry("role", "supervisor").containsEntry("region", "Haishu").containsKey("name"));
    }

    private static String assetOf(String page) {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page);
        assertThat(script.find()).isTrue();
        return script.group(1);
    }
}
