package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/** One rendered kustomization: the objects kubectl would apply, and questions about them. */
record Manifests(String kustomization, List<JsonNode> objects) {

    static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/dev", "overlays/prod");
    static final List<String> SPRING_BOOT_APPS = List.of("gateway", "project-service", "supervision-service", "alert-service");
    static final List<String> SERVICES_BEHIND_GATEWAY = List.of("project-service", "supervision-service", "alert-service");

    static Manifests of(String kustomization) {
        return new Manifests(kustomization, Kustomize.render(kustomization));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(kustomization + " has no " + kind + " " + name));
    }

    List<JsonNode> deployments() {
        return ofKind("Deployment");
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    static Optional<JsonNode> env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText())).findFirst();
    }

    /** The value a container sees for a variable set literally or through its ConfigMaps. */
    Optional<String> literalEnv(JsonNode container, String name) {
        Optional<String> direct = env(container, name).filter(e -> e.has("value")).map(e -> e.path("value").asText());
        if (direct.isPresent()) {
            return direct;
        }
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            if (!configMap.isEmpty() && named("ConfigMap", configMap).path("data").has(name)) {
                return Optional.of(named("ConfigMap", configMap).path("data").path(name).asText());
            }
        }
        return Optional.empty();
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static boolean selects(JsonNode matchLabels, JsonNode podLabels) {
        Map<String, String> wanted = labels(matchLabels);
        return !wanted.isEmpty() && labels(podLabels).entrySet().containsAll(wanted.entrySet());
    }

    /**
     * Whether a label selector selects these labels, as Kubernetes reads it: every {@code matchLabels} pair and every
     * {@code matchExpressions} requirement must hold, and an empty selector selects everything.
     */
    static boolean matches(JsonNode selector, JsonNode labels) {
        Map<String, String> present = labels(labels);
        if (!present.entrySet().containsAll(labels(selector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode requirement : selector.path("matchExpressions")) {
            String key = requirement.path("key").asText();
            boolean listed = StreamSupport.stream(requirement.path("values").spliterator(), false)
                    .anyMatch(value -> value.asText().equals(present.get(key)));
            boolean holds = switch (requirement.path("operator").asText()) {
                case "In" -> listed;
                case "NotIn" -> !listed;
                case "Exists" -> present.containsKey(key);
                case "DoesNotExist" -> !present.containsKey(key);
                default -> throw new AssertionError("no such selector operator: " + requirement);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    @Override
    public String toString() {
        return kustomization;
    }
}
