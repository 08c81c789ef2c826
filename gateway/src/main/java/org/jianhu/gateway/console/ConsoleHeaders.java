package org.jianhu.gateway.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What a browser is told on every answer of the gateway, the console's above all: run no script and load
 * nothing but from this origin (no inline script or style, no CDN, no web fonts from outside), never inside
 * another site's frame, send no referrer elsewhere, take every type as declared.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ConsoleHeaders implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "font-src 'self'",
            "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
            "frame-ancestors 'none'");

    /** The build names its assets by their content, so a browser may keep them for good. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (exchange.getRequest().getPath().value().startsWith(ConsolePaths.ASSETS)) {
            // set before Spring Security's writer, which then leaves its no-cache headers out
            headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        }
        return chain.filter(exchange);
    }
}
