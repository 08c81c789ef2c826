package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The vendored schemas under {@code schemas/}: JSON schemas named as in yannh/kubernetes-json-schema
 * ({@code <kind>-<group>-<version>.json}), Kubernetes' own kinds under {@code kubernetes/} and the
 * operators' kinds under {@code crds/} (decompiled from the kubernetes-models packages, see
 * schemas/README.md), and the operators' CRDs ({@code crds/*.yaml}), whose {@code openAPIV3Schema}
 * is used per served version when no JSON schema is there.
 */
final class Schemas {

    private static final Path KUBERNETES = Kustomize.MODULE.resolve("schemas/kubernetes");
    private static final Path CRDS = Kustomize.MODULE.resolve("schemas/crds");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> LOADED = new HashMap<>();

    private Schemas() {
    }

    /** What is wrong with the object; empty when it is a valid object of its kind. */
    static synchronized List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("no apiVersion or kind");
        }
        Schema schema = LOADED.computeIfAbsent(apiVersion + "/" + kind, key -> load(apiVersion, kind));
        List<Error> errors = schema.validate(object);
        return errors.stream().map(error -> describe(object) + ": " + error).toList();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
    }

    private static Schema load(String apiVersion, String kind) {
        String[] groupVersion = apiVersion.split("/");
        String group = groupVersion.length == 2 ? groupVersion[0] : "";
        String version = groupVersion[groupVersion.length - 1];
        boolean custom = group.contains(".") && !group.endsWith(".k8s.io");
        Path decompiled = (custom ? CRDS : KUBERNETES).resolve(kubernetesFileName(group, version, kind));
        JsonNode node = custom && !Files.exists(decompiled) ? crdSchema(group, version, kind) : closed(readJson(decompiled));
        return REGISTRY.getSchema(node);
    }

    static String kubernetesFileName(String group, String version, String kind) {
        String shortGroup = group.isEmpty() ? "" : "-" + group.split("\\.")[0];
        return kind.toLowerCase(Locale.ROOT) + shortGroup + "-" + version + ".json";
    }

    private static JsonNode crdSchema(String group, String version, String kind) {
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode crd : Kustomize.readObjects(file)) {
                    JsonNode spec = crd.path("spec");
                    if (!group.equals(spec.path("group").asText()) || !kind.equals(spec.path("names").path("kind").asText())) {
                        continue;
                    }
                    for (JsonNode served : spec.path("versions")) {
                        if (version.equals(served.path("name").asText())) {
                            return closed(served.path("schema").path("openAPIV3Schema").deepCopy());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + CRDS, e);
        }
        throw new AssertionError("no vendored CRD in " + CRDS + " serves " + group + "/" + version + " " + kind);
    }

    /**
     * The API server rejects fields a type does not declare (kubectl's default strict field
     * validation) unless a CRD's schema preserves unknown fields; the JSON schema says the same.
     * The schemas decompiled from kubernetes-models leave objects open (as the OpenAPI documents
     * they come from do), so every object with {@code properties}, in {@code definitions} too, is
     * closed here; maps ({@code additionalProperties} a schema) and free-form objects (no
     * {@code properties}, e.g. RawExtension) stay open, as in the API server.
     */
    private static JsonNode closed(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(Schemas::closed);
        closed(object.path("items"));
        closed(object.path("additionalProperties"));
        object.path("definitions").forEach(Schemas::closed);
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combinator).forEach(Schemas::closed);
        }
        return schema;
    }

    private static JsonNode readJson(Path file) {
        if (!Files.exists(file)) {
            throw new AssertionError("no vendored schema " + file + ": vendor it (schemas/README.md) before using the kind");
        }
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
            // a file that names a dialect (yannh's say "http://json-schema.org/schema#", whatever
            // is latest) is still read as draft 4, the registry's default here
            schema.remove("$schema");
            return schema;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
