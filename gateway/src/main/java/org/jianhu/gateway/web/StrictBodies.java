package org.jianhu.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.servicesupport.input.StrictJson;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The gateway's own endpoints (the development token issuer) read bodies by the one input policy, as the services
 * do; what it routes it passes on untouched, for the service to judge.
 */
@Configuration
class StrictBodies implements WebFluxConfigurer {

    private final ObjectMapper json;

    StrictBodies(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
        codecs.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(StrictJson.strict(json)));
    }
}
