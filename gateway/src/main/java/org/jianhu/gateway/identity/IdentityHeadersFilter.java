package org.jianhu.gateway.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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

/** Services trust X-Jianhu-* headers, so only the validated token may set them. */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

    private static final String PREFIX = "x-jianhu-";
    private static final Map<String, String> HEADER_BY_CLAIM = Map.of(
            IdentityClaims.ROLE, "X-Jianhu-Role",
            IdentityClaims.ORGANISATION, "X-Jianhu-Organisation",
            IdentityClaims.REGION, "X-Jianhu-Region");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken())
                .map(jwt -> withIdentity(exchange.getRequest(), jwt))
                .defaultIfEmpty(withIdentity(exchange.getRequest(), null))
                .flatMap(request -> chain.filter(exchange.mutate().request(request).build()));
    }

    private static ServerHttpRequest withIdentity(ServerHttpRequest request, Jwt jwt) {
        return request.mutate().headers(headers -> {
            stripIdentity(headers);
            if (jwt != null) {
                headers.set("X-Jianhu-User", jwt.getSubject());
                HEADER_BY_CLAIM.forEach((claim, header) -> {
                    String value = jwt.getClaimAsString(claim);
                    if (value != null) {
                        headers.set(header, value);
                    }
                });
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
