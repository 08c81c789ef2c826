package org.jianhu.project.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Arrays;

/**
 * Lets a controller method take the {@link ExpectedVersion} its request's {@code If-Match} names, and
 * documents that header on every operation that takes one.
 */
class ExpectedVersionArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return isExpectedVersion(parameter);
    }

    /** @throws Versions.MalformedIfMatch when If-Match names no version */
    @Override
    public ExpectedVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                           NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String[] values = request.getHeaderValues(HttpHeaders.IF_MATCH);
        return new ExpectedVersion(Versions.expected(values == null ? null : String.join(",", values)));
    }

    /** For springdoc: the If-Match header parameter of an operation whose method takes an ExpectedVersion. */
    static Operation document(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(ExpectedVersionArgumentResolver::isExpectedVersion)) {
            operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                    .description("Makes the write conditional: the project's version as its ETag, e.g. \"3\"; "
                            + "412 if the project has moved on since. Absent or *: unconditional.")
                    .schema(new StringSchema().example("\"3\"")));
        }
        return operation;
    }

    private static boolean isExpectedVersion(MethodParameter parameter) {
        return parameter.getParameterType() == ExpectedVersion.class;
    }
}
