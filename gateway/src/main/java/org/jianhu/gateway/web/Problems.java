package org.jianhu.gateway.web;

import org.jianhu.servicesupport.problem.ProblemJson;
import org.jianhu.servicesupport.problem.ProblemKind;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Writes the problem+json answer for a request the gateway refuses itself, with the same kinds, titles and
 * shape as the services ({@link org.jianhu.servicesupport.problem.CommonProblem}).
 */
public final class Problems {

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, String detail) {
        return write(exchange, kind, kind.detail(detail));
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(kind.status());
        response.getHeaders().setContentType(ProblemJson.MEDIA_TYPE);
        problem.setInstance(instance(exchange.getRequest().getPath().value()));
        byte[] body = ProblemJson.bytes(problem);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    public static ProblemDetail of(ProblemKind kind, String detail, String path) {
        ProblemDetail problem = kind.detail(detail);
        problem.setInstance(instance(path));
        return problem;
    }

    private static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
