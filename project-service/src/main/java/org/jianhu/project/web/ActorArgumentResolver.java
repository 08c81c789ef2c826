package org.jianhu.project.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take an {@link Actor} read from the identity headers. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                 NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String user = request.getHeader(Actor.USER_HEADER);
        String role = request.getHeader(Actor.ROLE_HEADER);
        if (user == null || user.isBlank() || role == null || role.isBlank()) {
            throw new UnidentifiedActor("requests that record facts need the headers " + Actor.USER_HEADER
                    + " and " + Actor.ROLE_HEADER + " (set by the gateway)");
        }
        if (!Actor.ROLES.contains(role)) {
            throw new UnidentifiedActor("unknown role '" + role + "'; one of " + Actor.ROLES.stream().sorted().toList());
        }
        return new Actor(user, role, request.getHeader(Actor.ORGANISATION_HEADER));
    }
}
