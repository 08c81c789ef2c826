package org.jianhu.servicesupport.paging;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.web.method.HandlerMethod;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A handler that takes a {@link PageRequest} has the query parameters {@code limit} and {@code after} in the
 * OpenAPI document (the request itself is no parameter), said once here for every list.
 */
public class PagingDocumentation implements OperationCustomizer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean paged = Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == PageRequest.class);
        if (!paged) {
            return operation;
        }
        operation.addParametersItem(new Parameter().in("query").name(PageRequest.LIMIT).required(false)
                .description("how many items one page holds, 1 to " + PageRequest.MAX_LIMIT)
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                        ._default(PageRequest.DEFAULT_LIMIT)));
        operation.addParametersItem(new Parameter().in("query").name(Cursor.PARAMETER).required(false)
                .description("the next of the page before, as it was given (opaque); left out: the first page")
                .schema(new StringSchema()));
        return operation;
    }
}
