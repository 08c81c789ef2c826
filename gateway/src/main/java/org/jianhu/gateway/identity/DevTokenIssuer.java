package org.jianhu.gateway.identity;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

@Component
@Profile("dev")
public class DevTokenIssuer {

    private final KeyPair key;
    private final DevTokenProperties properties;
    private final Clock clock;

    DevTokenIssuer(KeyPair devSigningKey, DevTokenProperties properties, Clock clock) {
        this.key = devSigningKey;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<String> issue(String userId) {
        return issue(userId, clock.instant());
    }

    public Optional<String> issue(String userId, Instant issuedAt) {
        return properties.user(userId).map(user -> sign(user, issuedAt));
    }

    long lifetimeSeconds() {
        return properties.lifetime().toSeconds();
    }

    private String sign(DemoUser user, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(DevTokenConfiguration.ISSUER)
                .subject(user.id())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(properties.lifetime())))
                .claim(IdentityClaims.NAME, user.name())
                .claim(IdentityClaims.ROLE, user.role())
                .claim(IdentityClaims.ORGANISATION, user.organisation())
                .claim(IdentityClaims.REGION, user.region())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
        return jwt.serialize();
    }
}
