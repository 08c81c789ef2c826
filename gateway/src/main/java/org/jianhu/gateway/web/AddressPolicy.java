package org.jianhu.gateway.web;

import org.jianhu.servicesupport.input.InputPolicy;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An address must be text: percent-encoded bytes that are no UTF-8 character (half of a character, a stray
 * byte) or control characters are refused here, as a problem, before a service's container answers them with an
 * HTML page of its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AddressPolicy implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        Optional<String> fault = fault("the path", path).or(() -> query == null ? Optional.empty() : fault("the query", query));
        if (fault.isPresent()) {
            return Problems.write(exchange, CommonProblem.INVALID_REQUEST, fault.get());
        }
        return chain.filter(exchange);
    }

    static Optional<String> fault(String part, String raw) {
        String decoded;
        try {
            decoded = decode(raw);
        } catch (CharacterCodingException | IllegalArgumentException notText) {
            return Optional.of(part + " is not text: it has percent-encoded bytes that are no UTF-8 character");
        }
        return InputPolicy.unprintable(part, decoded, false);
    }

    /** Percent-decoding that refuses what is not UTF-8, instead of putting U+FFFD in its place. */
    private static String decode(String raw) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("a cut percent-encoding");
                }
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }
}
