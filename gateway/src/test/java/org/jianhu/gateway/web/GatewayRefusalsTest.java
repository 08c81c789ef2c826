package org.jianhu.gateway.web;

import org.jianhu.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;

/** What the gateway refuses itself is problem+json of the common kinds, never an empty or Spring-default body. */
class GatewayRefusalsTest extends GatewayTestBase {

    @Test
    void aPathNoRouteServesIsNotFound() {
        problem(http.get().uri("/api/nowhere").headers(h -> h.setBearerAuth(tokenFor("aud-sun"))).exchange(),
                404, "not-found", "Not found").jsonPath("$.detail").isEqualTo("there is nothing at /api/nowhere");
    }

    @Test
    void aMethodThePathDoesNotTakeIsNotAllowed() {
        problem(http.method(HttpMethod.PUT).uri("/dev/token").headers(h -> h.setBearerAuth(tokenFor("admin-chen")))
                .exchange(), 405, "method-not-allowed", "Method not allowed");
    }

    @Test
    void aTokenRequestWithoutABodyOrWithBrokenJsonIsAnInvalidRequest() {
        problem(http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).exchange(),
                400, "invalid-request", "Invalid request").jsonPath("$.detail").isEqualTo("the request needs a JSON body");
        problem(http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"user\": ").exchange(),
                400, "invalid-request", "Invalid request");
        problem(http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"user\": \"nobody\"}")
                .exchange(), 400, "invalid-request", "Invalid request")
                .jsonPath("$.detail").isEqualTo("no demo user 'nobody'");
    }

    @Test
    void aBodyBeyond256KibIsTooLargeWhetherDeclaredOrStreamed() {
        String big = "{\"title\": \"" + "x".repeat(300 * 1024) + "\"}";
        problem(http.post().uri("/api/projects").headers(h -> h.setBearerAuth(tokenFor("admin-chen")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange(), 413, "payload-too-large",
                "Request too large");
        Flux<DataBuffer> streamed = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap("x".repeat(8 * 1024).getBytes(StandardCharsets.UTF_8)));
        problem(http.post().uri("/api/projects").headers(h -> h.setBearerAuth(tokenFor("admin-chen")))
                .contentType(MediaType.APPLICATION_JSON).body(streamed, DataBuffer.class).exchange(), 413,
                "payload-too-large", "Request too large");
    }

    @Test
    void aStreamedBodyWithinTheLimitReachesTheService() {
        Flux<DataBuffer> streamed = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap("{}  ".getBytes(StandardCharsets.UTF_8)));
        http.post().uri("/api/projects").headers(h -> h.setBearerAuth(tokenFor("admin-chen")))
                .contentType(MediaType.APPLICATION_JSON).body(streamed, DataBuffer.class).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAddressBeyond8KibIsTooLong() {
        problem(http.get().uri("/api/projects?region=" + "x".repeat(9 * 1024))
                .headers(h -> h.setBearerAuth(tokenFor("aud-sun"))).exchange(), 414, "uri-too-long", "Address too long");
    }

    @Test
    void headersBeyond16KibTogetherAreTooLarge() {
        problem(http.get().uri("/api/projects").headers(h -> {
            h.setBearerAuth(tokenFor("aud-sun"));
            h.set("X-Padding", "x".repeat(17 * 1024));
        }).exchange(), 431, "headers-too-large", "Request headers too large");
    }

    @Test
    void anAddressWithBytesThatAreNoCharacterIsRefusedAsAProblem() {
        problem(http.get().uri(raw("/api/projects/p%ED%A0%80")).headers(h -> h.setBearerAuth(tokenFor("aud-sun")))
                .exchange(), 400, "invalid-request", "Invalid request")
                .jsonPath("$.detail").isEqualTo("the path is not text: it has percent-encoded bytes that are no UTF-8 character");
        problem(http.get().uri(raw("/api/projects?region=%ED%A0%80")).headers(h -> h.setBearerAuth(tokenFor("aud-sun")))
                .exchange(), 400, "invalid-request", "Invalid request");
        problem(http.get().uri(raw("/api/projects?region=a%00b")).headers(h -> h.setBearerAuth(tokenFor("aud-sun")))
                .exchange(), 400, "invalid-request", "Invalid request");
        http.get().uri(raw("/api/projects?region=%E6%B5%B7%E6%9B%99")).headers(h -> h.setBearerAuth(tokenFor("aud-sun")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theTokenIssuerReadsItsBodyByTheInputPolicy() {
        problem(http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"user\": \"sup-li\", \"role\": \"admin\"}").exchange(), 400, "invalid-request", "Invalid request")
                .jsonPath("$.errors[0].field").isEqualTo("role");
        problem(http.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"user\": \"sup-li\"} {}").exchange(), 400, "invalid-request", "Invalid request");
    }

    @Test
    void aPathThatCouldBeReadTwoWaysIsRefusedAsAProblem() {
        problem(http.get().uri("/api/projects/a%2F..%2Fb").headers(h -> h.setBearerAuth(tokenFor("aud-sun")))
                .exchange(), 400, "invalid-request", "Invalid request");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** An address sent as written, percent-encodings and all. */
    private java.net.URI raw(String pathAndQuery) {
        return java.net.URI.create("http://localhost:" + port + pathAndQuery);
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec problem(
            ResponseSpec response, int status, String kind, String title) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jianhu:problem:" + kind)
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.status").isEqualTo(status);
    }
}
