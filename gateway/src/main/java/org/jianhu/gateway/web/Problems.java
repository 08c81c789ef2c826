package org.jianhu.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes RFC 9457 problem+json answers for requests the gateway refuses itself. */
public final class Problems {

    public static final String UNAUTHENTICATED = "urn:jianhu:problem:unauthenticated";
    public static final String FORBIDDEN = "urn:jianhu:problem:forbidden";
    public static final String TOO_MANY_REQUESTS = "urn:jianhu:problem:too-many-requests";
    public static final String UNAVAILABLE = "urn:jianhu:problem:service-unavailable";
    public static final String INVALID_REQUEST = "urn:jianhu:problem:invalid-request";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json(of(status, type, detail, exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    public static Map<String, Object> of(HttpStatus status, String type, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }

    private static byte[] json(Map<String, Object> problem) {
        try {
            return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
