package org.jianhu.project.web;

import org.jianhu.project.project.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static {
        // the actor comes from the verified identity, never from a request parameter; the expected
        // version from If-Match, documented as that header (ifMatchHeader)
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class, ExpectedVersion.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
        resolvers.add(new ExpectedVersionArgumentResolver());
    }

    @Bean
    OperationCustomizer ifMatchHeader() {
        return ExpectedVersionArgumentResolver::document;
    }

    @Bean
    OpenApiCustomizer partySchema() {
        return new PartyDocumentation();
    }
}
