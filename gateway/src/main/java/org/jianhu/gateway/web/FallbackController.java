package org.jianhu.gateway.web;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends a call the service did not answer in time, or at all. */
@RestController
class FallbackController {

    /** About one circuit-breaker wait: by then the breaker lets a trial call through. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return Problems.write(exchange, CommonProblem.UNAVAILABLE,
                service + " is not answering; try again shortly");
    }
}
