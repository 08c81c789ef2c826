package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts' behaviour over time, by Prometheus' own rule engine: promtool checks the rules and runs
 * {@code src/test/resources/alert-rules-test.yaml}. It needs promtool ({@code -Djianhu.promtool=…}, else
 * {@code promtool} on the PATH): {@code .ci/run} takes it from Debian's package {@code prometheus} without
 * installing the server.
 */
class AlertBehaviourTest {

    private static final String PROMTOOL = System.getProperty("jianhu.promtool", "promtool");
    private static final Path WORK = Kustomize.MODULE.resolve("target/promtool");
    private static final JsonNode RULE = Manifests.of("base").ofKind("PrometheusRule").get(0);
    private static final boolean PROMTOOL_FOUND = found();

    @BeforeEach
    void promtoolIsThere() throws IOException {
        assertThat(PROMTOOL_FOUND).as("promtool ('" + PROMTOOL + "') runs: .ci/run puts Debian's on the PATH "
                + "(apt-get download prometheus, then dpkg-deb -x it and link usr/bin/promtool)").isTrue();
        Files.createDirectories(WORK);
    }

    @Test
    void theRulesAndTheirTemplatesAreValid() throws IOException {
        Path rules = write("alert-rules-with-annotations.yaml", RULE.path("spec").deepCopy());

        assertThat(promtool("check", "rules", rules.toString())).contains("SUCCESS");
    }

    /** Without the annotations, which promtool would compare word for word; AlertRulesTest checks them. */
    @Test
    void theAlertsFireWhenTheyShouldAndABusyHealthyServicePagesNoOne() throws IOException {
        ObjectNode spec = RULE.path("spec").deepCopy();
        spec.path("groups").forEach(group -> group.path("rules").forEach(rule -> ((ObjectNode) rule).remove("annotations")));
        write("alert-rules.yaml", spec);
        Path tests = Files.copy(Kustomize.MODULE.resolve("src/test/resources/alert-rules-test.yaml"),
                WORK.resolve("alert-rules-test.yaml"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(promtool("test", "rules", tests.toString())).contains("SUCCESS");
    }

    private static boolean found() {
        try {
            return new ProcessBuilder(PROMTOOL, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException absent) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path write(String name, JsonNode groups) throws IOException {
        Path file = WORK.resolve(name);
        new YAMLMapper().writeValue(file.toFile(), groups);
        return file;
    }

    private static String promtool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(PROMTOOL));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finishes").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
