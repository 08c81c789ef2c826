package org.jianhu.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void onlyTheEnginesWhosePortIsGivenStart() {
        Options options = Options.parse("--rabbit-port", "5672");

        assertThat(options.rabbitPort()).hasValue(5672);
        assertThat(options.postgresPort()).isEmpty();
        assertThat(options.dataDir()).isEqualTo(Path.of(".jianhu/local"));
    }

    @Test
    void databasesToCreateAreRepeatable() {
        Options options = Options.parse("--postgres-port", "5432", "--database", "jianhu_project",
                "--database", "jianhu_alert", "--data-dir", "/tmp/trial");

        assertThat(options.postgresPort()).isEqualTo(OptionalInt.of(5432));
        assertThat(options.databases()).isEqualTo(List.of("jianhu_project", "jianhu_alert"));
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/trial"));
    }

    @Test
    void nothingToStartIsAUsageError() {
        assertThatThrownBy(Options::parse).hasMessageContaining("nothing to start");
    }

    @Test
    void aDatabaseNameThatNeedsQuotingIsRefused() {
        assertThatThrownBy(() -> Options.parse("--postgres-port", "5432", "--database", "x; DROP"))
                .hasMessageContaining("not a database name");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Options.parse("--rabbit-port", "70000")).hasMessageContaining("not a port: 70000");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> Options.parse("--rabbit-port")).hasMessageContaining("needs a value");
    }
}
