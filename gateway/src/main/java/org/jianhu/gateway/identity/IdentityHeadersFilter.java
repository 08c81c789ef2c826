package org.jianhu.gateway.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Only the validated token may say who is calling: the caller's own X-Jianhu-* headers are dropped and
 * the identity of the token is set and signed ({@link IdentityAssertion}), so that a service believes
 * it. The bearer token itself stays here: the services need the identity, not a credential to replay.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    private static final String PREFIX = "x-jianhu-";

    private final IdentityAssertion assertion;
    private final Clock clock = Clock.systemUTC();

    IdentityHeadersFilter(IdentityAssertion assertion) {
        this.assertion = assertion;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken())
                .map(jwt -> withIdentity(exchange.getRequest(), jwt))
                .defaultIfEmpty(withIdentity(exchange.getRequest(), null))
                .flatMap(request -> chain.filter(exchange.mutate().request(request).build()));
    }

    private ServerHttpRequest withIdentity(ServerHttpRequest request, Jwt jwt) {
        return request.mutate().headers(headers -> {
            stripIdentity(headers);
            headers.remove(HttpHeaders.AUTHORIZATION);
            // A token without subject or role names nobody: the service answers 401 for it.
            if (jwt != null && jwt.getSubject() != null && jwt.getClaimAsString(IdentityClaims.ROLE) != null) {
                CallerIdentity identity = new CallerIdentity(jwt.getSubject(),
                        jwt.getClaimAsString(IdentityClaims.ROLE),
                        jwt.getClaimAsString(IdentityClaims.ORGANISATION),
                        jwt.getClaimAsString(IdentityClaims.REGION));
                assertion.headers(identity, clock.instant()).forEach(headers::set);
            }
        }).build();
    }

    private static void stripIdentity(HttpHeaders headers) {
        List<String> forged = headers.keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                .toList();
        forged.forEach(headers::remove);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
