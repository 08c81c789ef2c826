package org.jianhu.local;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Apache Qpid Broker-J in this JVM, speaking AMQP 0-9-1 on the loopback interface, with the RabbitMQ
 * defaults the services expect: user guest/guest, PLAIN over a plain socket, and the virtual host the
 * RabbitMQ client asks for by default ({@code /}; Qpid strips the slash and answers with its default
 * virtual host). Everything lives in memory: queues and messages do not outlive the process, and the
 * services declare their exchanges and queues again when they connect.
 */
final class EmbeddedBroker implements Engine {

    private final SystemLauncher launcher;
    private final int port;

    private EmbeddedBroker(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    static EmbeddedBroker start(int port, Path workDir) {
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> resolved) {
                system.set(resolved);
            }
        });
        try {
            Path configuration = configurationIn(workDir);
            launcher.startup(Map.of(
                    ConfiguredObject.TYPE, "Memory",
                    SystemConfig.INITIAL_CONFIGURATION_LOCATION, configuration.toUri().toString(),
                    SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION,
                    Files.writeString(workDir.resolve("system.properties"), "").toUri().toString(),
                    SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false,
                    ConfiguredObject.CONTEXT, Map.of(
                            "jianhu.amqp.port", String.valueOf(port),
                            SystemConfig.QPID_WORK_DIR, workDir.toAbsolutePath().toString())));
        } catch (Exception failed) {
            launcher.shutdown();
            throw new EngineFailure(LocalInfrastructure.EXIT_FAILED, "The embedded AMQP broker did not start on port " + port + ": "
                    + EngineFailure.rootCauseOf(failed), failed);
        }
        // Qpid does not fail its startup when a port cannot bind: it puts the port in the ERRORED state
        if (!listening(system.get())) {
            launcher.shutdown();
            throw new EngineFailure(LocalInfrastructure.EXIT_FAILED, "The embedded AMQP broker could not listen on 127.0.0.1:" + port
                    + " (is the port in use?)", null);
        }
        return new EmbeddedBroker(launcher, port);
    }

    /*
     * Qpid reads its configuration through URLs, and its "classpath:" URLs need a handler that only the
     * system class loader finds: inside the executable jar it is not there, so the files are copied out.
     */
    private static Path configurationIn(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path configuration = workDir.resolve("initial-config.json");
        try (InputStream packaged = EmbeddedBroker.class.getResourceAsStream("/local-broker.json")) {
            Files.copy(packaged, configuration, StandardCopyOption.REPLACE_EXISTING);
        }
        return configuration;
    }

    private static boolean listening(SystemConfig<?> system) {
        return system != null && system.getContainer() instanceof Broker<?> broker
                && !broker.getPorts().isEmpty()
                && broker.getPorts().stream().allMatch(port -> port.getState() == State.ACTIVE);
    }

    @Override
    public String describe() {
        return "amqp       amqp://guest:guest@localhost:" + port + "/  (Apache Qpid Broker-J, AMQP 0-9-1, in memory)";
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
