package org.jianhu.local;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The executable jar as ./jianhu up runs it: a JVM of its own, stopped by a signal. */
class LocalInfrastructureJarIT {

    @TempDir
    Path dataDir;

    @Test
    void printsOneLinePerEngineAndStopsOnSigterm() throws Exception {
        int port = FreePorts.next();
        Process process = command("--rabbit-port", String.valueOf(port), "--data-dir", dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).startsWith("amqp       amqp://guest:guest@localhost:" + port + "/");
            assertThat(output.readLine()).startsWith("local infrastructure ready");
            ConnectionFactory factory = new ConnectionFactory();
            factory.setPort(port);
            try (Connection connection = factory.newConnection()) {
                assertThat(connection.isOpen()).isTrue();
            }

            long stopping = System.nanoTime();
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            System.out.printf("stopped %d ms after SIGTERM%n", (System.nanoTime() - stopping) / 1_000_000);
            assertThat(listening(port)).isFalse();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void asRootPostgresIsRefusedWithWhatToInstallAndNothingStarts() throws Exception {
        assumeTrue(Privileges.runningAsRoot(), "only root is refused");
        int rabbitPort = FreePorts.next();
        Process process = command("--postgres-port", String.valueOf(FreePorts.next()),
                "--rabbit-port", String.valueOf(rabbitPort), "--data-dir", dataDir.toString()).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(LocalInfrastructure.EXIT_POSTGRES_NEEDS_INSTALLING);
        assertThat(errors).contains("does not run as root", "apt-get install postgresql",
                "pg_ctlcluster --skip-systemctl-redirect <version> main start");
        assertThat(output).isEmpty();
        assertThat(listening(rabbitPort)).isFalse();
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    }

    @Test
    void withoutOptionsItPrintsTheUsage() throws Exception {
        Process process = command().start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(LocalInfrastructure.EXIT_USAGE);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("usage:", "--postgres-port", "--rabbit-port");
    }

    private static ProcessBuilder command(String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("local-infrastructure.jar")));
        command.addAll(List.of(options));
        return new ProcessBuilder(command);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
