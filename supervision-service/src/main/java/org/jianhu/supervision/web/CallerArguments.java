package org.jianhu.supervision.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.VerifiedIdentityFilter;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** A controller method's {@link CallerIdentity} parameter is the identity the gateway signed for this request. */
@Component
class CallerArguments implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static {
        // the caller comes from the signed identity headers, never from request parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerIdentity.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CallerIdentity.class.equals(parameter.getParameterType());
    }

    @Override
    public CallerIdentity resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
        CallerIdentity caller = VerifiedIdentityFilter.of(request.getNativeRequest(HttpServletRequest.class));
        if (caller == null) {
            throw new IllegalStateException("no verified identity on an API request: is VerifiedIdentityFilter on?");
        }
        return caller;
    }
}
