package org.jianhu.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One service started from its executable jar, as an operator would, on a free port (and one for management). */
final class RunningService implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Path log;
    private Process process;

    private RunningService(String name, int port, int managementPort, List<String> command, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.command = List.copyOf(command);
        this.process = process;
        this.log = log;
    }

    static RunningService start(String name, List<String> arguments) throws IOException {
        Path jar = Path.of(System.getProperty("jianhu.jar." + name));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -B verify builds it)");
        }
        int port = freePort();
        int managementPort = freePort();
        Path logs = Path.of(System.getProperty("jianhu.system.logs", "target/service-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString(), "--server.port=" + port, "--management.server.port=" + managementPort));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RunningService service = new RunningService(name, port, managementPort, command, process, log);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Health details and metrics: the port no caller is given. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    private void awaitReady(Duration patience) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                        URI.create(managementUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            waitForExit(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " was not ready within " + patience + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts it again as it was started, on the same ports (after a {@link #kill()}), and waits until it is ready. */
    void restart() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady(Duration.ofSeconds(120));
    }

    /** Kills it as a crashing machine would: no shutdown hooks, nothing flushed, claims left behind. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** The operating system's id of the process, as Axon names a token's owner ({@code pid@host}). */
    long pid() {
        return process.pid();
    }

    /** Stops it as Ctrl-C would (graceful shutdown), and hard after 30 s. */
    @Override
    public void close() {
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
        }
    }

    /** @return true when the process has ended within {@code patience} */
    private boolean waitForExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
