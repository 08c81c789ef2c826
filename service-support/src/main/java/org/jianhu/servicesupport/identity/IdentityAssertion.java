package org.jianhu.servicesupport.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The gateway's signature over the identity headers it sets, so that a service believes an identity
 * only when the gateway vouched for it: anyone who reaches a service directly can write
 * {@code X-Jianhu-Role: admin}, but cannot sign it without the secret the gateway and the services share.
 * The signature covers user, role, organisation, region and the time of signing; a signed set of headers
 * is good for {@code maxAge}, so a copied one cannot be used for long.
 */
public final class IdentityAssertion {

    /** Clocks of gateway and service may differ a little; an assertion from the near future is fine. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int MINIMUM_SECRET_LENGTH = 32;
    private static final String VERSION = "v1";

    private final byte[] secret;
    private final Duration maxAge;

    public IdentityAssertion(String secret, Duration maxAge) {
        if (secret == null || secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("jianhu.identity.secret (JIANHU_IDENTITY_SECRET) must be set to the secret"
                    + " the gateway signs identities with, at least " + MINIMUM_SECRET_LENGTH + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.maxAge = maxAge;
    }

    /** The identity headers, signed as of {@code now}, ready to be set on a request. */
    public Map<String, String> headers(CallerIdentity identity, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.USER, identity.user());
        headers.put(IdentityHeaders.ROLE, identity.role());
        if (identity.organisation() != null) {
            headers.put(IdentityHeaders.ORGANISATION, identity.organisation());
        }
        if (identity.region() != null) {
            headers.put(IdentityHeaders.REGION, identity.region());
        }
        long signedAt = now.getEpochSecond();
        headers.put(IdentityHeaders.ASSERTION, VERSION + ";t=" + signedAt + ";sig=" + signature(identity, signedAt));
        return headers;
    }

    /**
     * The identity the headers carry, if the gateway signed exactly these values within {@code maxAge}.
     *
     * @param header looks up a request header by name (null when absent)
     * @throws Unverified saying why not
     */
    public CallerIdentity verify(UnaryOperator<String> header, Instant now) {
        String assertion = header.apply(IdentityHeaders.ASSERTION);
        if (assertion == null || assertion.isBlank()) {
            throw new Unverified("no identity: call through the gateway with a bearer token");
        }
        String[] parts = assertion.split(";");
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].startsWith("t=") || !parts[2].startsWith("sig=")) {
            throw new Unverified("malformed " + IdentityHeaders.ASSERTION + " header");
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(parts[1].substring(2));
        } catch (NumberFormatException malformed) {
            throw new Unverified("malformed " + IdentityHeaders.ASSERTION + " header");
        }
        CallerIdentity identity;
        try {
            identity = new CallerIdentity(header.apply(IdentityHeaders.USER), header.apply(IdentityHeaders.ROLE),
                    header.apply(IdentityHeaders.ORGANISATION), header.apply(IdentityHeaders.REGION));
        } catch (IllegalArgumentException incomplete) {
            throw new Unverified("the identity names no user or no role");
        }
        byte[] expected = signature(identity, signedAt).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts[2].substring(4).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Unverified("the identity was not signed by the gateway");
        }
        Instant signed = Instant.ofEpochSecond(signedAt);
        if (signed.isAfter(now.plus(CLOCK_SKEW)) || signed.plus(maxAge).isBefore(now)) {
            throw new Unverified("the identity assertion has expired");
        }
        return identity;
    }

    private String signature(CallerIdentity identity, long signedAt) {
        String canonical = String.join("\n", VERSION, identity.user(), identity.role(),
                nullToEmpty(identity.organisation()), nullToEmpty(identity.region()), Long.toString(signedAt));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The request's identity cannot be believed; the message says why (it is safe to show the caller). */
    public static final class Unverified extends RuntimeException {
        public Unverified(String message) {
            super(message);
        }
    }
}
