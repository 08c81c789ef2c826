package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.k8s.Manifests.container;
import static org.jianhu.k8s.Manifests.env;
import static org.jianhu.k8s.Manifests.matches;
import static org.jianhu.k8s.Manifests.name;
import static org.jianhu.k8s.Manifests.podLabels;
import static org.jianhu.k8s.Manifests.selects;

/** What must hold in the base and in every overlay, as kubectl would apply them. */
class ManifestsTest {

    static final List<String> KUSTOMIZATIONS = Manifests.KUSTOMIZATIONS;

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyObjectIsValidAgainstTheVendoredSchemaOfItsKind(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        List<String> violations = new ArrayList<>();
        manifests.objects().forEach(object -> violations.addAll(Schemas.violations(object)));

        assertThat(manifests.objects()).isNotEmpty();
        assertThat(violations).as(kustomization).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyJianhuApplicationIsDeployedWithAServiceAndAConfigMap(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);

        for (String app : Manifests.SPRING_BOOT_APPS) {
            manifests.named("Deployment", app);
            manifests.named("Service", app);
            manifests.named("ConfigMap", app);
        }
        assertThat(manifests.ofKind("Ingress")).singleElement()
                .extracting(i -> i.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("gateway");
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyContainerProbesStartupLivenessAndReadinessOnItsManagementPort(String kustomization) {
        for (JsonNode deployment : Manifests.of(kustomization).deployments()) {
            JsonNode container = container(deployment);
            String where = kustomization + " " + name(deployment);

            assertThat(container.at("/startupProbe/httpGet/path").asText()).as(where).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(where).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(where).isEqualTo("/actuator/health/readiness");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).path("httpGet").path("port").asText()).as(where + " " + probe)
                        .isEqualTo("management");
                assertThat(portNames(container)).as(where + " " + probe).contains("management");
            }
            assertThat(env(container, "SERVER_PORT").map(e -> e.path("value").asText())).as(where).contains("8080");
            assertThat(env(container, "MANAGEMENT_SERVER_PORT").map(e -> e.path("value").asText())).as(where).contains("9090");
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyContainerRequestsAndLimitsCpuAndMemoryAndSizesItsJvmToTheLimit(String kustomization) {
        for (JsonNode deployment : Manifests.of(kustomization).deployments()) {
            JsonNode resources = container(deployment).path("resources");
            String where = kustomization + " " + name(deployment);

            for (String bound : List.of("requests", "limits")) {
                assertThat(resources.path(bound).path("cpu").asText()).as(where + " " + bound + " cpu").isNotBlank();
                assertThat(resources.path(bound).path("memory").asText()).as(where + " " + bound + " memory").isNotBlank();
            }
            assertThat(env(container(deployment), "JAVA_TOOL_OPTIONS").map(e -> e.path("value").asText()))
                    .as(where).hasValueSatisfying(options -> assertThat(options).contains("-XX:MaxRAMPercentage=75"));
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyPodLeavesTheLoadBalancersBeforeSpringShutsDownGracefully(String kustomization) {
        for (JsonNode deployment : Manifests.of(kustomization).deployments()) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            int preStopSleep = container(deployment).at("/lifecycle/preStop/sleep/seconds").asInt();
            int springShutdownPhase = Integer.parseInt(env(container(deployment), "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
                    .orElseThrow().path("value").asText().replace("s", ""));

            assertThat(preStopSleep).as(name(deployment)).isPositive();
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(name(deployment))
                    .isGreaterThan(preStopSleep + springShutdownPhase);
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyDeploymentSelectsItsOwnPodsAndNoOther(String kustomization) {
        List<JsonNode> deployments = Manifests.of(kustomization).deployments();
        for (JsonNode deployment : deployments) {
            JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");

            assertThat(selects(selector, podLabels(deployment))).as(name(deployment)).isTrue();
            assertThat(deployments.stream().filter(other -> selects(selector, podLabels(other)))).as(name(deployment)).hasSize(1);
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyServiceSendsToTheNamedPortOfADeployment(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        for (JsonNode service : manifests.ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            List<JsonNode> backends = manifests.deployments().stream().filter(d -> selects(selector, podLabels(d))).toList();

            assertThat(backends).as(name(service)).hasSize(1);
            for (JsonNode port : service.path("spec").path("ports")) {
                assertThat(portNames(container(backends.get(0)))).as(name(service)).contains(port.path("targetPort").asText());
                assertThat(port.path("targetPort").asText()).as(name(service) + " publishes no health or metrics")
                        .isNotEqualTo("management");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyContainerReadsTheSharedIdentitySecret(String kustomization) {
        for (JsonNode deployment : Manifests.of(kustomization).deployments()) {
            JsonNode ref = env(container(deployment), "JIANHU_IDENTITY_SECRET").orElseThrow().at("/valueFrom/secretKeyRef");

            assertThat(ref.path("name").asText()).as(name(deployment)).startsWith("jianhu-identity");
            assertThat(ref.path("key").asText()).isEqualTo("secret");
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void servicesReadTheirDatabaseAndBrokerFromTheOperatorsSecretsAreReadyOnlyWithBothAndUseQuorumQueues(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        String cluster = name(manifests.ofKind("Cluster").get(0));
        String rabbit = name(manifests.ofKind("RabbitmqCluster").get(0));

        for (String service : Manifests.SERVICES_BEHIND_GATEWAY) {
            JsonNode container = container(manifests.named("Deployment", service));
            Stream.of("USERNAME", "PASSWORD").forEach(key -> assertThat(secretOf(container, "SPRING_DATASOURCE_" + key))
                    .as(service).isEqualTo(cluster + "-app"));
            Stream.of("HOST", "PORT", "USERNAME", "PASSWORD").forEach(key -> assertThat(secretOf(container, "SPRING_RABBITMQ_" + key))
                    .as(service).isEqualTo(rabbit + "-default-user"));
            assertThat(env(container, "SPRING_DATASOURCE_URL").orElseThrow().path("value").asText())
                    .as(service).startsWith("jdbc:postgresql://$(DB_HOST):$(DB_PORT)/");
            assertThat(manifests.literalEnv(container, "JIANHU_AMQP_QUEUE_TYPE")).as(service).contains("quorum");
        }
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void eachServiceHasItsOwnDatabaseOwnedByTheClustersAppUser(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        JsonNode cluster = manifests.ofKind("Cluster").get(0);
        String owner = cluster.at("/spec/bootstrap/initdb/owner").asText();
        List<String> databases = new ArrayList<>(List.of(cluster.at("/spec/bootstrap/initdb/database").asText()));
        for (JsonNode database : manifests.ofKind("Database")) {
            assertThat(database.at("/spec/cluster/name").asText()).isEqualTo(name(cluster));
            assertThat(database.at("/spec/owner").asText()).isEqualTo(owner);
            databases.add(database.at("/spec/name").asText());
        }

        List<String> used = Manifests.SERVICES_BEHIND_GATEWAY.stream()
                .map(service -> env(container(manifests.named("Deployment", service)), "SPRING_DATASOURCE_URL").orElseThrow())
                .map(url -> url.path("value").asText().replaceFirst(".*/", "")).toList();
        assertThat(used).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(databases);
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void theGatewayFindsEachServiceThroughItsKubernetesService(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        JsonNode gateway = container(manifests.named("Deployment", "gateway"));

        for (String service : Manifests.SERVICES_BEHIND_GATEWAY) {
            String variable = "JIANHU_" + service.replace("-service", "").toUpperCase() + "_SERVICE_URL";
            int port = manifests.named("Service", service).at("/spec/ports/0/port").asInt();
            assertThat(manifests.literalEnv(gateway, variable)).as(variable).contains("http://" + service + ":" + port);
        }
        assertThat(manifests.literalEnv(gateway, "JIANHU_JWT_JWK_SET_URI")).hasValueSatisfying(uri -> assertThat(uri).endsWith("/certs"));
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void prometheusScrapesEveryApplicationOnItsManagementPortAndNamesTheJobAfterIt(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        JsonNode monitor = manifests.ofKind("PodMonitor").stream().findFirst().orElseThrow(() -> new AssertionError("no PodMonitor"));
        JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");

        assertThat(manifests.ofKind("PodMonitor")).hasSize(1);
        assertThat(monitor.at("/spec/podMetricsEndpoints")).hasSize(1);
        assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
        for (JsonNode deployment : manifests.deployments()) {
            JsonNode container = container(deployment);
            String where = kustomization + " " + name(deployment);
            JsonNode port = StreamSupport.stream(container.path("ports").spliterator(), false)
                    .filter(p -> p.path("name").asText().equals(endpoint.path("port").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + " has no port " + endpoint.path("port")));

            assertThat(matches(monitor.at("/spec/selector"), podLabels(deployment))).as(where).isTrue();
            assertThat(env(container, "MANAGEMENT_SERVER_PORT").map(e -> e.path("value").asText()))
                    .as(where).contains(port.path("containerPort").asText());
            assertThat(podLabels(deployment).path(monitor.at("/spec/jobLabel").asText()).asText()).as(where)
                    .isEqualTo(name(deployment));
        }
    }

    private static List<String> portNames(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("ports").forEach(p -> {
            names.add(p.path("name").asText());
            names.add(p.path("containerPort").asText());
        });
        return names;
    }

    private static String secretOf(JsonNode container, String variable) {
        return env(container, variable).orElseThrow(() -> new AssertionError("no " + variable))
                .at("/valueFrom/secretKeyRef/name").asText();
    }
}
