package org.jianhu.gateway.identity;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * In dev the gateway is its own issuer: a key made at start and forgotten at stop, or kept in
 * {@code jianhu.dev-tokens.key-file} so that tokens outlive a restart.
 */
@Configuration
@Profile("dev")
class DevTokenConfiguration {

    static final String ISSUER = "jianhu-dev";

    @Bean
    KeyPair devSigningKey(@Value("${jianhu.dev-tokens.key-file:}") String keyFile) throws GeneralSecurityException {
        return keyFile.isBlank() ? DevSigningKeys.made() : DevSigningKeys.kept(Path.of(keyFile));
    }

    @Bean
    ReactiveJwtDecoder devJwtDecoder(KeyPair devSigningKey) {
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) devSigningKey.getPublic()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }
}
