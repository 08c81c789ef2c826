package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, as {@code kubectl apply -k} would. */
final class Kustomize {

    static final Path MODULE = Path.of(System.getProperty("jianhu.k8s.dir", ".")).toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ConcurrentHashMap<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static List<JsonNode> render(String kustomization) {
        return RENDERED.computeIfAbsent(MODULE.resolve(kustomization), Kustomize::run);
    }

    static List<JsonNode> readObjects(Path yaml) {
        try {
            return parse(Files.readString(yaml));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + yaml, e);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && !object.isNull() && !object.isMissingNode()) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static List<JsonNode> run(Path dir) {
        String kubectl = System.getProperty("jianhu.kubectl", "kubectl");
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the manifests and was not found ('" + kubectl
                    + "': " + e.getMessage() + "). Install kubectl 1.32 or newer (it carries kustomize 5), "
                    + "or name it with -Djianhu.kubectl=/path/to/kubectl.", e);
        }
        try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
            var stdout = new ByteArrayOutputStream();
            var stderr = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(err, stderr));
            errReader.start();
            out.transferTo(stdout);
            errReader.join();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + stderr.toString(StandardCharsets.UTF_8));
            }
            return List.copyOf(parse(stdout.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the output of kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try {
            in.transferTo(to);
        } catch (IOException ignored) {
            // the exit code tells whether kustomize failed; its message is a courtesy
        }
    }
}
