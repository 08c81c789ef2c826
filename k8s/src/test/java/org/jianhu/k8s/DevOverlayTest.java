package org.jianhu.k8s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DevOverlayTest {

    private final Manifests dev = Manifests.of("overlays/dev");

    @Test
    void everythingRunsOnceAndSmall() {
        assertThat(dev.deployments()).hasSize(Manifests.SPRING_BOOT_APPS.size()).allSatisfy(deployment -> {
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
            assertThat(Manifests.container(deployment).at("/resources/limits/memory").asText()).isEqualTo("768Mi");
        });
        assertThat(dev.ofKind("Cluster")).singleElement().satisfies(c -> assertThat(c.at("/spec/instances").asInt()).isEqualTo(1));
        assertThat(dev.ofKind("RabbitmqCluster")).singleElement().satisfies(r -> assertThat(r.at("/spec/replicas").asInt()).isEqualTo(1));
    }

    @Test
    void theIdentitySecretIsGeneratedHereAndOnlyHere() {
        assertThat(dev.ofKind("Secret")).singleElement()
                .satisfies(secret -> assertThat(Manifests.name(secret)).startsWith("jianhu-identity-"));
        assertThat(Manifests.of("base").ofKind("Secret")).isEmpty();
        assertThat(Manifests.of("overlays/prod").ofKind("Secret")).isEmpty();
    }
}
