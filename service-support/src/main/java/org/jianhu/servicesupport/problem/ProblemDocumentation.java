package org.jianhu.servicesupport.problem;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;

/**
 * Every error of every operation is problem+json of one shape; the OpenAPI document says so once, as the
 * {@code 4XX} and {@code 5XX} answers of each operation, so that a typed client knows the shape.
 */
public class ProblemDocumentation implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.putIfAbsent("4XX", answer("The request was refused; nothing was done"));
            responses.putIfAbsent("5XX", answer("The service failed or is unavailable; nothing was done"));
            operation.setResponses(responses);
        }));
    }

    private static ApiResponse answer(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(ProblemJson.MEDIA_TYPE.toString(), new MediaType().schema(new Schema<>().$ref(REF))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field or parameter at fault"))
                .addProperty("message", new StringSchema().description("what is wrong with it, in plain words"))
                .required(List.of("field", "message"));
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("urn:jianhu:problem:<kind>, stable per kind of error"))
                .addProperty("title", new StringSchema().description("the kind of error, one title per kind"))
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what went wrong here, in plain words"))
                .addProperty("instance", new StringSchema().description("the path that was asked for"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("for an invalid request: each field at fault"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
