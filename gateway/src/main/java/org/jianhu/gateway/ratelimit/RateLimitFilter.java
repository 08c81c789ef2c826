package org.jianhu.gateway.ratelimit;

import org.jianhu.servicesupport.problem.CommonProblem;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jianhu.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Limits each user's routed requests; buckets live in this instance's memory only. */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimitProperties limits;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("anonymous")
                .flatMap(user -> {
                    Duration wait = bucketOf(user).take(clock.instant());
                    if (wait.isZero()) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return Problems.write(exchange, CommonProblem.TOO_MANY_REQUESTS,
                            "more than " + limits.requestsPerSecond() + " requests per second; retry in " + seconds + " s");
                });
    }

    private TokenBucket bucketOf(String user) {
        return buckets.computeIfAbsent(user,
                u -> new TokenBucket(limits.requestsPerSecond(), limits.burst(), clock.instant()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
