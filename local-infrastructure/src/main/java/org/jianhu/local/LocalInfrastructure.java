package org.jianhu.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Embedded PostgreSQL and an in-JVM AMQP broker for a local trial of Jianhu, when no real ones are
 * reachable. Starts what its options ask for, prints one line per engine, and stops both on
 * SIGTERM or Ctrl-C.
 */
public final class LocalInfrastructure implements AutoCloseable {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_POSTGRES_NEEDS_INSTALLING = 3;

    private final List<Engine> engines;
    private boolean closed;

    private LocalInfrastructure(List<Engine> engines) {
        this.engines = engines;
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println(Options.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            LocalInfrastructure running = start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "local-infrastructure-stop"));
            running.engines.forEach(engine -> System.out.println(engine.describe()));
            System.out.println("local infrastructure ready (data in " + options.dataDir() + "); Ctrl-C stops it");
            System.out.flush();
        } catch (EngineFailure failed) {
            System.err.println(failed.getMessage());
            System.exit(failed.exitCode());
        }
        new CountDownLatch(1).await();
    }

    static LocalInfrastructure start(Options options) {
        List<Engine> started = new ArrayList<>();
        try {
            Files.createDirectories(options.dataDir());
            options.postgresPort().ifPresent(port ->
                    started.add(EmbeddedDatabase.start(port, options.dataDir(), options.databases())));
            options.rabbitPort().ifPresent(port ->
                    started.add(EmbeddedBroker.start(port, options.dataDir().resolve("broker"))));
        } catch (IOException | RuntimeException failed) {
            new LocalInfrastructure(started).close();
            if (failed instanceof EngineFailure engineFailure) {
                throw engineFailure;
            }
            throw new EngineFailure(EXIT_FAILED, "The local infrastructure did not start: " + failed.getMessage(),
                    failed);
        }
        return new LocalInfrastructure(List.copyOf(started));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = engines.size() - 1; i >= 0; i--) {
            engines.get(i).close();
        }
    }
}
