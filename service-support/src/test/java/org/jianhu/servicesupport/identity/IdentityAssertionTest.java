package org.jianhu.servicesupport.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityAssertionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private final IdentityAssertion assertion = new IdentityAssertion("a".repeat(40), Duration.ofMinutes(5));
    private final CallerIdentity supervisor = new CallerIdentity("sup-li", "supervisor", "supervision-office", "Haishu");

    @Test
    void aSignedIdentityIsBelievedAsSigned() {
        Map<String, String> headers = assertion.headers(supervisor, NOW);

        assertThat(assertion.verify(headers::get, NOW.plusSeconds(60))).isEqualTo(supervisor);
    }

    @Test
    void anIdentityWithoutOrganisationOrRegionIsSignedToo() {
        CallerIdentity service = CallerIdentity.service("supervision-service");

        assertThat(assertion.verify(assertion.headers(service, NOW)::get, NOW)).isEqualTo(service);
    }

    @Test
    void noAssertionIsRefused() {
        Map<String, String> headers = new HashMap<>(assertion.headers(supervisor, NOW));
        headers.remove(IdentityHeaders.ASSERTION);

        assertThatThrownBy(() -> assertion.verify(headers::get, NOW))
                .isInstanceOf(IdentityAssertion.Unverified.class).hasMessageContaining("gateway");
    }

    @Test
    void anyChangedHeaderBreaksTheSignature() {
        for (String header : new String[] {IdentityHeaders.USER, IdentityHeaders.ROLE,
                IdentityHeaders.ORGANISATION, IdentityHeaders.REGION}) {
            Map<String, String> headers = new HashMap<>(assertion.headers(supervisor, NOW));
            headers.put(header, "admin");

            assertThatThrownBy(() -> assertion.verify(headers::get, NOW))
                    .as(header).hasMessageContaining("not signed by the gateway");
        }
    }

    @Test
    void aDroppedOrganisationBreaksTheSignature() {
        Map<String, String> headers = new HashMap<>(assertion.headers(supervisor, NOW));
        headers.remove(IdentityHeaders.ORGANISATION);

        assertThatThrownBy(() -> assertion.verify(headers::get, NOW)).hasMessageContaining("not signed");
    }

    @Test
    void anotherSecretsSignatureIsRefused() {
        IdentityAssertion forger = new IdentityAssertion("b".repeat(40), Duration.ofMinutes(5));
        Map<String, String> forged = forger.headers(new CallerIdentity("eve", "admin", null, null), NOW);

        assertThatThrownBy(() -> assertion.verify(forged::get, NOW)).hasMessageContaining("not signed");
    }

    @Test
    void anOldAssertionHasExpiredAndOneFromTheFarFutureToo() {
        Map<String, String> headers = assertion.headers(supervisor, NOW);

        assertThat(assertion.verify(headers::get, NOW.plus(Duration.ofMinutes(5)))).isEqualTo(supervisor);
        assertThatThrownBy(() -> assertion.verify(headers::get, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> assertion.verify(headers::get, NOW.minusSeconds(31)))
                .hasMessageContaining("expired");
    }

    @Test
    void malformedAssertionsAreRefused() {
        for (String malformed : new String[] {"v1", "v2;t=1;sig=x", "v1;t=soon;sig=x", "v1;sig=x;t=1"}) {
            Map<String, String> headers = new HashMap<>(assertion.headers(supervisor, NOW));
            headers.put(IdentityHeaders.ASSERTION, malformed);

            assertThatThrownBy(() -> assertion.verify(headers::get, NOW)).as(malformed)
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new IdentityAssertion("short", Duration.ofMinutes(5)))
                .hasMessageContaining("JIANHU_IDENTITY_SECRET");
        assertThatThrownBy(() -> new IdentityAssertion(null, Duration.ofMinutes(5)))
                .hasMessageContaining("at least 32 characters");
    }
}
