package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.k8s.Manifests.matches;
import static org.jianhu.k8s.Manifests.name;
import static org.jianhu.k8s.Manifests.podLabels;
import static org.jianhu.k8s.Manifests.selects;

class ProductionOverlayTest {

    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9090;

    private final Manifests prod = Manifests.of("overlays/prod");

    @Test
    void everyApplicationRunsAtLeastTwoInstancesWithADisruptionBudgetAndAnAutoscaler() {
        assertThat(prod.deployments()).hasSize(Manifests.SPRING_BOOT_APPS.size());
        for (JsonNode deployment : prod.deployments()) {
            assertThat(deployment.at("/spec/replicas").asInt()).as(name(deployment)).isGreaterThanOrEqualTo(2);
            assertThat(prod.ofKind("PodDisruptionBudget"))
                    .as("a PodDisruptionBudget for " + name(deployment))
                    .anySatisfy(pdb -> assertThat(selects(pdb.at("/spec/selector/matchLabels"), podLabels(deployment))).isTrue());
            assertThat(prod.ofKind("HorizontalPodAutoscaler"))
                    .as("an autoscaler for " + name(deployment))
                    .anySatisfy(hpa -> {
                        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
                        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(name(deployment));
                        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
                    });
        }
    }

    @Test
    void theDatabaseAndTheBrokerRunThreeInstances() {
        assertThat(prod.ofKind("Cluster")).singleElement().satisfies(c -> assertThat(c.at("/spec/instances").asInt()).isEqualTo(3));
        assertThat(prod.ofKind("RabbitmqCluster")).singleElement().satisfies(r -> assertThat(r.at("/spec/replicas").asInt()).isEqualTo(3));
    }

    @Test
    void nothingReachesAPodUnlessAPolicyLetsIt() {
        assertThat(prod.ofKind("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(policy.at("/spec/podSelector").isEmpty()).isTrue();
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress");
            assertThat(policy.at("/spec/ingress").isMissingNode() || policy.at("/spec/ingress").isEmpty()).isTrue();
        });
    }

    @Test
    void onlyTheGatewayReachesTheServicesAndOnlyTheIngressControllerTheGateway() {
        for (String service : Manifests.SERVICES_BEHIND_GATEWAY) {
            JsonNode pods = podLabels(prod.named("Deployment", service));
            // supervision reads a project's history from the project service to heal a gap
            Set<String> allowed = service.equals("project-service") ? Set.of("gateway", "supervision-service") : Set.of("gateway");
            assertThat(peersAllowedInto(pods, HTTP)).as(service).isNotEmpty().allSatisfy(peer ->
                    assertThat(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isIn(allowed));
        }
        assertThat(peersAllowedInto(podLabels(prod.named("Deployment", "gateway")), HTTP)).isNotEmpty().allSatisfy(peer ->
                assertThat(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("ingress-nginx"));
    }

    @Test
    void onlyPrometheusReachesTheManagementPortOfEveryApplication() {
        for (JsonNode deployment : prod.deployments()) {
            assertThat(peersAllowedInto(podLabels(deployment), MANAGEMENT)).as(name(deployment)).isNotEmpty().allSatisfy(peer -> {
                assertThat(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()).isEqualTo("monitoring");
                assertThat(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("prometheus");
            });
        }
    }

    @Test
    void onlyTheServicesReachTheDatabaseAndTheBrokerBesideTheirOwnNodesAndOperators() {
        String cluster = name(prod.ofKind("Cluster").get(0));
        String rabbit = name(prod.ofKind("RabbitmqCluster").get(0));
        assertOnlyServicesReach(labels("cnpg.io/cluster", cluster), 5432, "cnpg-system");
        assertOnlyServicesReach(labels("app.kubernetes.io/name", rabbit), 5672, "rabbitmq-system");
    }

    @Test
    void theServicesMayStillResolveNames() {
        assertThat(prod.ofKind("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Egress");
            assertThat(selects(policy.at("/spec/podSelector/matchLabels"), podLabels(prod.named("Deployment", "project-service")))).isTrue();
            assertThat(policy.at("/spec/egress").toString()).contains("\"port\":53").contains("UDP");
        });
    }

    private void assertOnlyServicesReach(JsonNode pods, int port, String operatorNamespace) {
        List<JsonNode> rules = rulesInto(pods);
        assertThat(rules).as(pods.toString()).isNotEmpty();
        for (JsonNode rule : rules) {
            for (JsonNode peer : rule.path("from")) {
                boolean service = "backend".equals(peer.at("/podSelector/matchLabels/app.kubernetes.io~1component").asText());
                boolean sameCluster = selects(peer.at("/podSelector/matchLabels"), pods);
                boolean operator = operatorNamespace.equals(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
                assertThat(service || sameCluster || operator).as(peer.toString()).isTrue();
                if (service) {
                    assertThat(rule.at("/ports/0/port").asInt()).isEqualTo(port);
                }
            }
        }
    }

    /** Who may reach that port of those pods; a rule that names no peer lets anyone in, and says so. */
    private List<JsonNode> peersAllowedInto(JsonNode pods, int port) {
        return rulesInto(pods).stream().filter(rule -> admits(rule, port))
                .flatMap(rule -> rule.path("from").isEmpty() ? Stream.of(labels("anyone", "at all"))
                        : StreamSupport.stream(rule.path("from").spliterator(), false))
                .toList();
    }

    /** A rule that names no port admits every port. */
    private static boolean admits(JsonNode rule, int port) {
        return rule.path("ports").isEmpty()
                || StreamSupport.stream(rule.path("ports").spliterator(), false).anyMatch(p -> p.path("port").asInt() == port);
    }

    private List<JsonNode> rulesInto(JsonNode pods) {
        return prod.ofKind("NetworkPolicy").stream()
                .filter(policy -> matches(policy.at("/spec/podSelector"), pods))
                .flatMap(policy -> StreamSupport.stream(policy.at("/spec/ingress").spliterator(), false))
                .toList();
    }

    private static JsonNode labels(String key, String value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put(key, value);
    }
}
