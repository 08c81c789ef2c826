package org.jianhu.servicesupport.paging;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Lets a handler take a {@link PageRequest}: {@code limit} and {@code after} read from the query, refused (400,
 * naming the parameter) before the handler runs. The list a cursor belongs to is the handler's path pattern, so a
 * cursor of {@code /api/risk/signals} sent to {@code /api/alerts} is told so.
 */
public class PageRequests implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public Object resolveArgument(@NonNull MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        return PageRequest.of(listOf(request.getNativeRequest(HttpServletRequest.class)),
                request.getParameter(PageRequest.LIMIT), request.getParameter(Cursor.PARAMETER));
    }

    private static String listOf(HttpServletRequest request) {
        Object pattern = request == null ? null : request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null) {
            return pattern.toString();
        }
        return request == null ? "" : request.getRequestURI();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
