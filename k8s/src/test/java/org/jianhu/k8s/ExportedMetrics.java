package org.jianhu.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series of the meters Jianhu's own code registers, read from the main sources of every module: a
 * {@code Gauge}, {@code Counter} or {@code Timer} built with a literal {@code jianhu.*} name, and the event store's
 * {@code gauge(registry, name, unit, …)}. Named as micrometer-registry-prometheus 1.15 names them (compared with its
 * scrape output): dots become underscores, the base unit follows, a counter ends in {@code _total}, a timer is in
 * seconds and adds {@code _count}, {@code _sum} and {@code _max}.
 */
final class ExportedMetrics {

    private static final Path REPOSITORY = Kustomize.MODULE.getParent();
    private static final Pattern BUILT = Pattern.compile("\\b(Gauge|Counter|Timer)\\.builder\\(\\s*\"(jianhu\\.[^\"]+)\"");
    private static final Pattern EVENT_STORE_GAUGE = Pattern.compile("\\bgauge\\(registry,\\s*\"(jianhu\\.[^\"]+)\",\\s*(?:null|\"(\\w+)\")");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"(\\w+)\"\\)");

    private ExportedMetrics() {
    }

    static Set<String> series() {
        Set<String> series = new TreeSet<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path sources : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        series.addAll(seriesIn(Files.readString(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + REPOSITORY, e);
        }
        return series;
    }

    static Set<String> seriesIn(String source) {
        Set<String> series = new TreeSet<>();
        Matcher built = BUILT.matcher(source);
        while (built.find()) {
            int end = source.indexOf(';', built.end());
            Matcher unit = BASE_UNIT.matcher(source.substring(built.end(), end < 0 ? source.length() : end));
            series.addAll(named(built.group(2), built.group(1), unit.find() ? unit.group(1) : null));
        }
        Matcher gauge = EVENT_STORE_GAUGE.matcher(source);
        while (gauge.find()) {
            series.addAll(named(gauge.group(1), "Gauge", gauge.group(2)));
        }
        return series;
    }

    private static List<String> named(String meter, String type, String baseUnit) {
        String name = meter.replace('.', '_');
        String withUnit = baseUnit == null ? name : name + "_" + baseUnit;
        return switch (type) {
            case "Gauge" -> List.of(withUnit);
            case "Counter" -> List.of(withUnit + "_total");
            case "Timer" -> List.of(name + "_seconds", name + "_seconds_count", name + "_seconds_sum", name + "_seconds_max");
            default -> throw new IllegalArgumentException(type);
        };
    }
}
