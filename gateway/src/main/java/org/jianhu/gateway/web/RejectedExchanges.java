package org.jianhu.gateway.web;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses paths that could be read two ways (encoded slashes, {@code ..}, a
 * semicolon, unusual characters); its refusal is answered as a problem, not an empty 400.
 */
@Component
class RejectedExchanges implements ServerExchangeRejectedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange,
                             org.springframework.security.web.server.firewall.ServerExchangeRejectedException rejected) {
        return Problems.write(exchange, CommonProblem.INVALID_REQUEST,
                "the path is not accepted: it could be read in more than one way (encoded slash or dot segments, "
                        + "a semicolon, a control character)");
    }
}
