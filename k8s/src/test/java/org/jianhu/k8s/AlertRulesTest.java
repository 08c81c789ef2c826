package org.jianhu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The PrometheusRule of base/monitoring: its alerts read what the services export and say plainly what to do. */
class AlertRulesTest {

    static final List<String> KUSTOMIZATIONS = Manifests.KUSTOMIZATIONS;

    /** What Prometheus records of every target it scrapes, besides the target's own metrics. */
    private static final Set<String> SCRAPE_SERIES = Set.of("up");
    private static final JsonNode RULE = Manifests.of("base").ofKind("PrometheusRule").get(0);
    private static final List<JsonNode> RULES = StreamSupport.stream(RULE.at("/spec/groups").spliterator(), false)
            .flatMap(group -> StreamSupport.stream(group.path("rules").spliterator(), false)).toList();
    private static final List<JsonNode> ALERTS = RULES.stream().filter(rule -> rule.has("alert")).toList();

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void everyKustomizationCarriesTheSameRules(String kustomization) {
        assertThat(Manifests.of(kustomization).ofKind("PrometheusRule")).singleElement()
                .satisfies(rule -> assertThat(rule.path("spec")).isEqualTo(RULE.path("spec")));
    }

    @Test
    void everyMetricAnExpressionReadsIsExportedByAServiceScrapedByPrometheusOrRecordedByARule() {
        Set<String> known = known();

        assertThat(ALERTS).isNotEmpty();
        for (JsonNode rule : RULES) {
            assertThat(PromQl.metricNames(rule.path("expr").asText())).as(name(rule)).isNotEmpty().isSubsetOf(known);
        }
    }

    @Test
    void anExpressionReadingAMetricNoServiceExportsIsCaught() {
        Set<String> read = PromQl.metricNames("max by (namespace, application) (rate(jianhu_relay_lags_events{job=~\"a|b\"}[5m]))"
                + " > 0 and on (namespace) up offset 1m == 0");

        assertThat(read).containsExactlyInAnyOrder("jianhu_relay_lags_events", "up");
        assertThat(known()).contains("jianhu_relay_lag_events").doesNotContain("jianhu_relay_lags_events");
    }

    @Test
    void theSourcesAreReadForGaugesCountersAndTimersWithTheirUnits() {
        String source = """
                Gauge.builder("jianhu.relay.lag", this, status -> status.lag().orElse(-1L))
                        .description("readable events after the relay's position").baseUnit("events").register(registry);
                Gauge.builder("jianhu.parked.projects", parked, ParkedProjects::count).register(registry);
                gauge(registry, "jianhu.eventstore.held.back.age", "seconds", "how long", report -> 1.0);
                gauge(registry, "jianhu.eventstore.held.back.events", null, "how many", report -> 1.0);
                Counter.builder("jianhu.integrity.leaves.added").register(registry);
                Timer.builder("jianhu.integrity.checkpoint.lag").publishPercentiles(0.5, 0.99).register(registry);
                """;

        assertThat(ExportedMetrics.seriesIn(source)).containsExactlyInAnyOrder("jianhu_relay_lag_events",
                "jianhu_parked_projects", "jianhu_eventstore_held_back_age_seconds", "jianhu_eventstore_held_back_events",
                "jianhu_integrity_leaves_added_total", "jianhu_integrity_checkpoint_lag_seconds",
                "jianhu_integrity_checkpoint_lag_seconds_count", "jianhu_integrity_checkpoint_lag_seconds_sum",
                "jianhu_integrity_checkpoint_lag_seconds_max");
    }

    @Test
    void whatHoldsReadersBackStopsTheRelayOrParksAProjectRaisesAnAlert() {
        Set<String> read = ALERTS.stream().flatMap(alert -> readThroughRecordings(alert).stream()).collect(Collectors.toSet());

        assertThat(read).contains("jianhu_eventstore_holding_transaction_age_seconds", "jianhu_eventstore_held_back_age_seconds",
                "jianhu_relay_lag_events", "jianhu_parked_projects");
    }

    @Test
    void everyAlertSaysHowUrgentItIsWhatHappenedAndWhereToReadOn() {
        Set<String> sections = readmeSections();
        for (JsonNode alert : ALERTS) {
            String name = name(alert);
            assertThat(alert.at("/labels/severity").asText()).as(name).isIn("warning", "critical");
            assertThat(alert.path("for").asText()).as(name + " waits before it fires").isNotBlank();
            assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/description").asText()).as(name).hasSizeGreaterThan(100);
            assertThat(alert.at("/annotations/runbook_url").asText()).as(name).startsWith("k8s/README.md#")
                    .satisfies(url -> assertThat(sections).as(name + ": a section of k8s/README.md").contains(url.substring(url.indexOf('#') + 1)));
        }
    }

    @Test
    void theScrapeAlertWatchesEveryApplication() {
        JsonNode scrape = ALERTS.stream().filter(alert -> PromQl.metricNames(alert.path("expr").asText()).contains("up"))
                .findFirst().orElseThrow(() -> new AssertionError("no alert reads up"));
        Matcher jobs = Pattern.compile("job=~\"([^\"]+)\"").matcher(scrape.path("expr").asText());

        assertThat(jobs.find()).as(scrape.path("expr").asText()).isTrue();
        assertThat(jobs.group(1).split("\\|")).containsExactlyInAnyOrderElementsOf(Manifests.SPRING_BOOT_APPS);
    }

    private static Set<String> known() {
        Set<String> known = new TreeSet<>(ExportedMetrics.series());
        known.addAll(SCRAPE_SERIES);
        RULES.stream().filter(rule -> rule.has("record")).forEach(rule -> known.add(rule.path("record").asText()));
        return known;
    }

    private static Set<String> readThroughRecordings(JsonNode rule) {
        Set<String> read = new TreeSet<>();
        for (String metric : PromQl.metricNames(rule.path("expr").asText())) {
            read.add(metric);
            RULES.stream().filter(r -> metric.equals(r.path("record").asText())).forEach(r -> read.addAll(readThroughRecordings(r)));
        }
        return read;
    }

    /** The anchors GitHub gives the headings of k8s/README.md. */
    private static Set<String> readmeSections() {
        try (Stream<String> lines = Files.lines(Kustomize.MODULE.resolve("README.md"))) {
            return lines.filter(line -> line.startsWith("#"))
                    .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(JsonNode rule) {
        return rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
    }
}
