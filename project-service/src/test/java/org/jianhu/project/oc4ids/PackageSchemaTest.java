package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jianhu.servicesupport.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageSchemaTest {

    private final PackageSchema schema = new PackageSchema();

    @Test
    void theStandardsExampleFollowsTheVendoredSchema() {
        assertThat(schema.violations(Oc4idsExamples.example())).isEmpty();
    }

    @Test
    void eachViolationIsNamedByItsJsonPath() {
        ObjectNode broken = Oc4idsExamples.example();
        broken.remove("publisher");
        ObjectNode project = (ObjectNode) broken.get("projects").get(0);
        project.put("status", "dreaming");
        ((ObjectNode) project.get("budget").get("amount")).put("amount", "lots");
        project.put("updated", "yesterday");

        List<FieldError> violations = schema.violations(broken);

        assertThat(violations).extracting(FieldError::field)
                .contains("$", "$.projects[0].status", "$.projects[0].budget.amount.amount", "$.projects[0].updated");
        assertThat(violations).allSatisfy(violation -> assertThat(violation.message()).startsWith(violation.field()));
    }
}
