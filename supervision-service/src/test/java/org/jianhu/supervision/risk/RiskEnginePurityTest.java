package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk engine is pure domain: it may use the contracts and Jackson annotations, never Spring,
 * a database or another package of this service. (ArchUnit is not on the test classpath, so the
 * sources' imports are read instead.)
 */
class RiskEnginePurityTest {

    private static final Path SOURCES = Path.of("src/main/java/org/jianhu/supervision/risk");
    private static final List<String> ALLOWED = List.of(
            "import java.", "import static java.", "import org.jianhu.contracts.",
            "import com.fasterxml.jackson.annotation.");

    @Test
    void riskEngineImportsOnlyTheJdkTheContractsAndJacksonAnnotations() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> imports = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(RiskEnginePurityTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .distinct().toList();

            assertThat(imports).isNotEmpty()
                    .allSatisfy(line -> assertThat(ALLOWED).anySatisfy(prefix -> assertThat(line).startsWith(prefix)));
        }
    }

    @Test
    void riskEngineNamesNoOtherFrameworkInItsCode() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).flatMap(RiskEnginePurityTest::lines))
                    .noneMatch(line -> line.contains("org.springframework") || line.contains("java.sql")
                            || line.contains("javax.") || line.contains("jakarta."));
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
