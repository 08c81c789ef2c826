package org.jianhu.gateway.web;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How long a route's breaker stays open before it lets trial calls through. Resilience4j's default of a minute
 * kept answering 503 for 54 s after a service that had crashed was back (measured by the fault-injection
 * system test); a few seconds still spares a failing service the full load, and it comes back at once.
 */
@Configuration
class CircuitBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(
            @Value("${jianhu.gateway.breaker-open-for:5s}") Duration openFor) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom().waitDurationInOpenState(openFor)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true).build())
                .build());
    }
}
