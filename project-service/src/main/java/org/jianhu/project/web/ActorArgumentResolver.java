package org.jianhu.project.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jianhu.project.project.Actor;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.VerifiedIdentityFilter;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the {@link Actor} the gateway vouched for: the identity
 * {@link VerifiedIdentityFilter} verified, never the raw headers.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                 NativeWebRequest request, WebDataBinderFactory binderFactory) {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        CallerIdentity identity = servletRequest == null ? null : VerifiedIdentityFilter.of(servletRequest);
        if (identity == null) {
            throw new UnidentifiedActor("no verified identity: call through the gateway with a bearer token");
        }
        return new Actor(identity.user(), identity.role(), identity.organisation(), identity.region());
    }
}
