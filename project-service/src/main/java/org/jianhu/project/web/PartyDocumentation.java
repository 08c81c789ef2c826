package org.jianhu.project.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.jianhu.contracts.common.OrganisationReference;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import java.util.List;

/**
 * Parties (supplier, payer, payee, inspector) in the OpenAPI document: one schema, {@code OrganisationReference},
 * that every field holding one refers to. It reads from an object or a bare string (its two JSON creators), which
 * the document cannot infer from the record, so it is said here.
 */
class PartyDocumentation implements OpenApiCustomizer {

    static final String NAME = "OrganisationReference";

    static {
        SpringDocUtils.getConfig().replaceWithSchema(OrganisationReference.class,
                new Schema<>().$ref("#/components/schemas/" + NAME));
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(NAME, new ObjectSchema()
                .description("A party of the project (OC4IDS OrganizationReference): its organisation identifier, "
                        + "a scheme and an identifier in it, and its name. A bare string is accepted as both id and "
                        + "name (as parties were sent before they had identifiers).")
                .addProperty("id", new StringSchema().maxLength(200)
                        .description("the organisation identifier, e.g. a unified social credit code")
                        .example("CN-USCC-91330200MA2AB1234X"))
                .addProperty("name", new StringSchema().maxLength(200).description("the party's name")
                        .example("宁波海兴建设有限公司"))
                .required(List.of("id", "name")));
    }
}
