package org.jianhu.gateway.identity;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jianhu.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

class AuthenticationTest extends GatewayTestBase {

    @Autowired
    DevTokenIssuer issuer;

    @Test
    void requestWithoutTokenIsUnauthenticated() {
        expectUnauthenticated(http.get().uri("/api/projects").exchange());
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthenticated() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("jianhu-dev").subject("admin-chen")
                .claim("role", "admin").expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        forged.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));

        expectUnauthenticated(http.get().uri("/api/projects")
                .headers(h -> h.setBearerAuth(forged.serialize())).exchange());
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        String expired = issuer.issue("owner-zhang", Instant.now().minus(Duration.ofHours(3))).orElseThrow();

        expectUnauthenticated(http.get().uri("/api/projects")
                .headers(h -> h.setBearerAuth(expired)).exchange());
    }

    @Test
    void malformedTokenIsUnauthenticated() {
        expectUnauthenticated(http.get().uri("/api/projects")
                .headers(h -> h.setBearerAuth("not-a-jwt")).exchange());
    }

    @Test
    void unknownDemoUserGetsNoToken() {
        http.post().uri("/dev/token").bodyValue("{\"user\":\"nobody\"}")
                .header("Content-Type", "application/json")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void devTokenIsABearerTokenWithItsLifetime() {
        http.post().uri("/dev/token").bodyValue("{\"user\":\"sup-zhao\"}")
                .header("Content-Type", "application/json")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(3600)
                .jsonPath("$.access_token").isNotEmpty();
    }

    private static void expectUnauthenticated(ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("WWW-Authenticate")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jianhu:problem:unauthenticated")
                .jsonPath("$.status").isEqualTo(401);
    }
}
