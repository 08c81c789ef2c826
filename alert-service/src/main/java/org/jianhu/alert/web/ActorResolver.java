package org.jianhu.alert.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.Role;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.VerifiedIdentityFilter;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Lets a handler take the acting {@link Actor} as a parameter: the identity the gateway signed, as
 * {@link VerifiedIdentityFilter} verified it (it has refused every API request without one, with 401).
 */
@Configuration
class ActorResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static {
        // the actor comes from the verified identity, never from a request parameter: the API document names none
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(@NonNull MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        CallerIdentity caller = VerifiedIdentityFilter.of(request.getNativeRequest(HttpServletRequest.class));
        if (caller == null) {
            throw new IllegalStateException("no verified identity on " + parameter.getExecutable().getName()
                    + ": the handler is outside /api/**");
        }
        return new Actor(caller.user(), Role.ofCaller(caller.role()), caller.organisation(), caller.region());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
