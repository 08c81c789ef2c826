package org.jianhu.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo portfolio (seeds/) loaded by its jar through the gateway, as {@code ./jianhu up} loads it,
 * and loaded again: the second load finds every step already there and records nothing.
 */
class DemoPortfolioIT {

    private static final Pattern STEPS = Pattern.compile("(\\d+) steps applied, (\\d+) already there");

    private static RunningSystem system;

    @BeforeAll
    static void start() throws IOException {
        system = RunningSystem.start("demo_portfolio");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theDemoPortfolioLoadsThroughTheGatewayAsMostlyGreenAndLoadsAgainWithoutChange() throws Exception {
        GatewayClient auditor = GatewayClient.as(system, "aud-sun");

        Load first = load();
        assertThat(first.applied()).isGreaterThan(100);
        assertThat(first.alreadyThere()).isZero();
        assertThat(auditor.get("/api/projects").path("total").asInt()).isEqualTo(12);
        assertThat(levels(auditor)).isEqualTo(Map.of("GREEN", 7, "YELLOW", 3, "RED", 2));
        // entered in one go, the stories are judged as of their own dates: late only where the story says so
        assertThat(auditor.everyItem("/api/risk/signals?rule=R18&status=open"))
                .extracting(signal -> codeOf(auditor, signal.path("projectId").asText()) + " " + signal.path("subject").asText())
                .containsExactly("NB-2025-005 inspection:I2");
        long events = events(auditor);
        assertThat(events).isGreaterThanOrEqualTo(first.applied());

        Load second = load();
        assertThat(second.applied()).isZero();
        assertThat(second.alreadyThere()).isEqualTo(first.applied());
        assertThat(events(auditor)).isEqualTo(events);
        assertThat(levels(auditor)).isEqualTo(Map.of("GREEN", 7, "YELLOW", 3, "RED", 2));
    }

    private record Load(int applied, int alreadyThere) {
    }

    private static Load load() throws IOException, InterruptedException {
        Process loader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("jianhu.jar.seeds"), "--gateway", system.gatewayUrl(),
                "--wait-seconds", "180").redirectErrorStream(true).start();
        String output = new String(loader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(loader.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
        assertThat(loader.exitValue()).as(output).isZero();
        Matcher steps = STEPS.matcher(output);
        assertThat(steps.find()).as(output).isTrue();
        assertThat(output).contains("portfolio: GREEN 7, YELLOW 3, RED 2");
        return new Load(Integer.parseInt(steps.group(1)), Integer.parseInt(steps.group(2)));
    }

    private static String codeOf(GatewayClient auditor, String projectId) {
        return auditor.get("/api/projects/" + projectId).path("code").asText();
    }

    private static Map<String, Integer> levels(GatewayClient auditor) {
        var levels = new TreeMap<String, Integer>();
        for (JsonNode project : auditor.everyItem("/api/risk/projects")) {
            levels.merge(project.path("level").asText(), 1, Integer::sum);
        }
        return levels;
    }

    private static long events(GatewayClient auditor) {
        GatewayClient.Response log = auditor.call("GET", "/api/events", null);
        assertThat(log.status()).isEqualTo(200);
        return List.of(log.body().split("\n")).stream().filter(line -> !line.isBlank()).count();
    }
}
