package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KustomizationSyntaxTest {

    static final List<String> KUSTOMIZATIONS = Manifests.KUSTOMIZATIONS;

    /** Kustomize 5 still reads these but warns; the next major version drops them. */
    private static final List<String> DEPRECATED = List.of("bases", "patchesStrategicMerge", "patchesJson6902",
            "commonLabels", "vars", "imageTags");

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void kustomizationsUseOnlyCurrentFields(String kustomization) {
        JsonNode file = Kustomize.readObjects(Kustomize.MODULE.resolve(kustomization).resolve("kustomization.yaml")).get(0);

        assertThat(file.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(file.path("kind").asText()).isEqualTo("Kustomization");
        assertThat(DEPRECATED).noneMatch(file::has);
    }
}
