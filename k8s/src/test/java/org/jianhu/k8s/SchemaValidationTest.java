package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check is not a formality: a broken manifest fails it. */
class SchemaValidationTest {

    private static final Path BROKEN = Kustomize.MODULE.resolve("src/test/resources/broken");

    @Test
    void aDeploymentWithAMisspelledFieldAndAWrongTypeIsRejected() {
        List<String> violations = violationsIn("deployment.yaml");

        assertThat(violations).anyMatch(v -> v.contains("livenesProbe"));
        assertThat(violations).anyMatch(v -> v.contains("replicas"));
    }

    @Test
    void aCloudNativePgClusterWithAnUnknownFieldAndAWrongTypeIsRejected() {
        List<String> violations = violationsIn("postgres-cluster.yaml");

        assertThat(violations).anyMatch(v -> v.contains("instance"));
        assertThat(violations).anyMatch(v -> v.contains("storage"));
    }

    @Test
    void aRabbitmqClusterWithAWrongTypeIsRejected() {
        assertThat(violationsIn("rabbitmq-cluster.yaml")).anyMatch(v -> v.contains("replicas"));
    }

    @Test
    void aNetworkPolicyWhosePolicyTypesAreNotAListIsRejected() {
        assertThat(violationsIn("network-policy.yaml")).anyMatch(v -> v.contains("policyTypes"));
    }

    private static List<String> violationsIn(String file) {
        List<JsonNode> objects = Kustomize.readObjects(BROKEN.resolve(file));
        assertThat(objects).isNotEmpty();
        return objects.stream().flatMap(o -> Schemas.violations(o).stream()).toList();
    }
}
