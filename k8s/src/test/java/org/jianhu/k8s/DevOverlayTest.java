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
    void theIdentitySecretAndTheLogKeyAreGeneratedHereAndOnlyHere() {
        assertThat(dev.ofKind("Secret")).extracting(Manifests::name)
                .satisfiesExactlyInAnyOrder(name -> assertThat(name).startsWith("jianhu-identity-"),
                        name -> assertThat(name).startsWith("jianhu-integrity-key-"));
        assertThat(Manifests.of("base").ofKind("Secret")).isEmpty();
        assertThat(Manifests.of("overlays/prod").ofKind("Secret")).isEmpty();
    }

    @Test
    void theProjectServiceSignsWithTheMountedKeyAndNeverMakesOne() {
        var container = Manifests.container(dev.deployments().stream()
                .filter(deployment -> Manifests.name(deployment).equals("project-service")).findFirst().orElseThrow());
        assertThat(Manifests.env(container, "JIANHU_INTEGRITY_GENERATE_KEY").map(e -> e.path("value").asText()))
                .contains("false");
        assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/var/run/jianhu/integrity");
    }
}
