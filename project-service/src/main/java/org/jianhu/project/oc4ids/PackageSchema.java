package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import org.jianhu.servicesupport.problem.FieldError;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The OC4IDS 0.9.5 project package schema, vendored in {@code resources/oc4ids/schema-0.9.5} (with the
 * standard's licence): its canonical ids are mapped to those files, so validating never reaches the network.
 */
@Component
public class PackageSchema {

    private static final String CANONICAL = "https://standard.open-contracting.org/infrastructure/schema/0__9__5/";
    private static final String VENDORED = "classpath:oc4ids/schema-0.9.5/";

    private final Schema schema;

    public PackageSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(CANONICAL, VENDORED))
                        // paths as the import report writes them: $.projects[0].budget
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
        schema = registry.getSchema(SchemaLocation.of(CANONICAL + "project-package-schema.json"));
        schema.initializeValidators();
    }

    /** Each place where the package departs from the schema, named by its JSON path; empty when it is valid. */
    public List<FieldError> violations(JsonNode projectPackage) {
        return schema.validate(projectPackage).stream().map(PackageSchema::violation).distinct().toList();
    }

    private static FieldError violation(Error error) {
        String path = error.getInstanceLocation().toString();
        String message = error.getMessage();
        return new FieldError(path, message.startsWith(path) ? message : path + ": " + message);
    }
}
