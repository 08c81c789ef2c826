package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas decompiled from the kubernetes-models packages are open objects; {@link Schemas}
 * closes them the way the API server's strict field validation does. These take objects the
 * prod overlay renders, which are valid, and break them deep inside.
 */
class SchemaStrictnessTest {

    private static final Manifests PROD = Manifests.of("overlays/prod");

    @Test
    void theRenderedObjectsAreValidBeforeTheyAreBroken() {
        assertThat(PROD.objects()).allSatisfy(o -> assertThat(Schemas.violations(o)).isEmpty());
    }

    @Test
    void aMisspelledFieldDeepInAPodTemplateIsRejected() {
        assertThat(violations("Deployment", "gateway", d -> container(d).with("lifecycle").with("preStop")
                .with("sleep").put("second", 10))).anyMatch(v -> v.contains("second"));
        assertThat(violations("Deployment", "gateway", d -> container(d).with("securityContext")
                .put("runAsUsr", 1000))).anyMatch(v -> v.contains("runAsUsr"));
        assertThat(violations("Deployment", "gateway", d -> ((ObjectNode) d.path("metadata")).put("label", "x")))
                .anyMatch(v -> v.contains("label"));
    }

    @Test
    void aWrongTypeOrValueDeepInAPodTemplateIsRejected() {
        assertThat(violations("Deployment", "gateway", d -> container(d).with("startupProbe")
                .put("failureThreshold", "18"))).anyMatch(v -> v.contains("failureThreshold"));
        assertThat(violations("Deployment", "gateway", d -> container(d).withArray("ports").addObject()
                .put("containerPort", 9090).put("protocol", "tcp"))).anyMatch(v -> v.contains("protocol"));
    }

    @Test
    void aMisspelledFieldInACloudNativePgDatabaseIsRejected() {
        assertThat(violations("Database", "jianhu-alert", d -> ((ObjectNode) d.path("spec")).put("ownr", "jianhu")))
                .anyMatch(v -> v.contains("ownr"));
    }

    @Test
    void aMisspelledFieldInANetworkPolicyPeerIsRejected() {
        assertThat(violations("NetworkPolicy", "gateway-from-ingress-controller", p -> ((ObjectNode) p.path("spec").path("ingress").path(0)
                .path("from").path(0)).put("namespaceSelectr", "x"))).anyMatch(v -> v.contains("namespaceSelectr"));
    }

    @Test
    void aMisspelledFieldOrABadDurationInAnAlertIsRejected() {
        assertThat(violations("PrometheusRule", "jianhu", r -> alert(r).put("annotation", "x")))
                .anyMatch(v -> v.contains("annotation"));
        assertThat(violations("PrometheusRule", "jianhu", r -> alert(r).put("for", "1 minute")))
                .anyMatch(v -> v.contains("for"));
        assertThat(violations("PrometheusRule", "jianhu", r -> alert(r).remove("expr")))
                .anyMatch(v -> v.contains("expr"));
    }

    @Test
    void aMisspelledFieldInAScrapeEndpointIsRejected() {
        assertThat(violations("PodMonitor", "jianhu", m -> endpoint(m).put("paths", "/metrics")))
                .anyMatch(v -> v.contains("paths"));
    }

    /** Go structs that embed others (allOf in the packages) are written out flat, so closing them keeps every field. */
    @Test
    void theFieldsOfAnEmbeddedStructAreAcceptedAndNoOthers() {
        assertThat(violations("PodMonitor", "jianhu", m -> endpoint(m).put("followRedirects", false)
                .put("proxyUrl", "http://proxy.example.org:3128"))).isEmpty();
        assertThat(violations("Database", "jianhu-alert", d -> ((ObjectNode) d.path("spec")).putArray("extensions")
                .addObject().put("name", "pg_trgm").put("ensure", "present"))).isEmpty();
        assertThat(violations("Database", "jianhu-alert", d -> ((ObjectNode) d.path("spec")).putArray("extensions")
                .addObject().put("nme", "pg_trgm"))).anyMatch(v -> v.contains("nme"));
    }

    private static ObjectNode alert(JsonNode prometheusRule) {
        return (ObjectNode) prometheusRule.at("/spec/groups/0/rules/0");
    }

    private static ObjectNode endpoint(JsonNode podMonitor) {
        return (ObjectNode) podMonitor.at("/spec/podMetricsEndpoints/0");
    }

    private static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) Manifests.container(deployment);
    }

    private static List<String> violations(String kind, String name, Consumer<JsonNode> breakIt) {
        JsonNode object = PROD.named(kind, name).deepCopy();
        breakIt.accept(object);
        return Schemas.violations(object);
    }
}
