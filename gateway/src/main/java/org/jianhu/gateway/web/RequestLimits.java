package org.jianhu.gateway.web;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a request may be at most, refused before anything else looks at it, as problem+json: an address of
 * 8 KiB (414), headers of 16 KiB together (431), a body of 256 KiB (413) — by its Content-Length, or, streamed
 * without one, once it passes the limit. Netty's own limits are set higher, so that these answers, not
 * Netty's empty ones, are what a caller meets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLimits implements WebFilter {

    static final int URI_LENGTH = 8 * 1024;
    static final int HEADERS_SIZE = 16 * 1024;

    private final long bodySize;

    RequestLimits(@Value("${jianhu.gateway.max-body-size:256KB}") DataSize bodySize) {
        this.bodySize = bodySize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        int uriLength = request.getURI().getRawPath().length()
                + (request.getURI().getRawQuery() == null ? 0 : request.getURI().getRawQuery().length() + 1);
        if (uriLength > URI_LENGTH) {
            return Problems.write(exchange, CommonProblem.URI_TOO_LONG,
                    "the address must be at most " + URI_LENGTH / 1024 + " KiB, not " + uriLength + " characters");
        }
        long headers = headerBytes(request.getHeaders());
        if (headers > HEADERS_SIZE) {
            return Problems.write(exchange, CommonProblem.HEADERS_TOO_LARGE,
                    "the headers must be at most " + HEADERS_SIZE / 1024 + " KiB together, not " + headers + " bytes");
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > bodySize) {
            return Problems.write(exchange, CommonProblem.PAYLOAD_TOO_LARGE, "the body must be at most " + bodySize / 1024
                    + " KiB, not " + declared + " bytes");
        }
        if (declared < 0 && request.getHeaders().containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return streamedWithin(exchange, chain);
        }
        return chain.filter(exchange);
    }

    /**
     * A body streamed without a Content-Length is read in first (it is at most the limit): refused at once when it
     * passes it, rather than failing half-way through the route, where the circuit breaker would take it for the
     * service's failure.
     */
    private Mono<Void> streamedWithin(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, bodySize))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(body -> chain.filter(exchange.mutate().request(new Read(request, body.orElse(null))).build()))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Problems.write(exchange,
                        CommonProblem.PAYLOAD_TOO_LARGE, "the body must be at most " + bodySize / 1024 + " KiB"));
    }

    private static long headerBytes(HttpHeaders headers) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + 2L + value.length() + 2L;
            }
        }
        return size;
    }

    /** A streamed body, read in whole, sent on with its length. */
    private static final class Read extends ServerHttpRequestDecorator {

        private final DataBuffer body;

        Read(ServerHttpRequest request, DataBuffer body) {
            super(request);
            this.body = body;
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(super.getHeaders());
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body == null ? 0 : body.readableByteCount());
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body == null ? Flux.empty() : Flux.just(body);
        }
    }
}
