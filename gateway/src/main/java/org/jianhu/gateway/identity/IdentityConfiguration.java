package org.jianhu.gateway.identity;

import java.time.Duration;

import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The secret the gateway signs identities with; every service is given the same one. */
@Configuration
class IdentityConfiguration {

    @Bean
    IdentityAssertion identityAssertion(@Value("${jianhu.identity.secret:}") String secret,
                                        @Value("${jianhu.identity.max-age:PT5M}") Duration maxAge) {
        return new IdentityAssertion(secret, maxAge);
    }
}
