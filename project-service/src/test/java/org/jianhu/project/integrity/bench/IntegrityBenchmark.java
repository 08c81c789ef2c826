package org.jianhu.project.integrity.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.project.integrity.checkpoint.SigningCheckpoints;
import org.jianhu.project.integrity.checkpoint.SigningStatus;
import org.jianhu.project.integrity.tree.FollowingTheLog;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.verifier.event.LeafEncoding;
import org.jianhu.verifier.note.NoteSigner;
import org.jianhu.verifier.tree.MemoryTree;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the record's integrity costs, side by side in one run on a fresh database:
 * <ol>
 * <li>events appended per second at the write path's peak (command path, the relay and listing paused, the tree
 * not following), then leaves taken into the stored tree per second over those events (and leaves hashed per
 * second in memory alone);</li>
 * <li>the checkpoint lag (an event's recording to the first signed checkpoint covering it) while the write path
 * runs at its peak with the tree following every 200 ms and a checkpoint every 5 s, as the service schedules them;</li>
 * <li>the log filled to a million events, exported through {@code GET /api/events}, and the offline verifier's
 * wall time over the export against {@code sha256sum} of the same file.</li>
 * </ol>
 *
 * <p>Run: {@code ./jianhu bench integrity [events] [threads] [verified events]} (defaults 20000, 4, 1000000).
 */
public final class IntegrityBenchmark {

    private static final long FOLLOW_EVERY_MS = 200;
    private static final long CHECKPOINT_EVERY_MS = 5000;

    private final ConfigurableApplicationContext service;
    private final JdbcTemplate jdbc;
    private final FollowingTheLog following;
    private final SigningCheckpoints signing;
    private final Path workDirectory;

    public static void main(String[] args) {
        try {
            int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
            int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
            long verified = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
            try (ConfigurableApplicationContext service = BenchService.start("bench_integrity")) {
                new IntegrityBenchmark(service).run(events, threads, verified);
            }
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        // Axon's non-daemon housekeeping threads would otherwise keep the JVM waiting
        System.exit(0);
    }

    private IntegrityBenchmark(ConfigurableApplicationContext service) throws Exception {
        this.service = service;
        this.jdbc = service.getBean(JdbcTemplate.class);
        TransactionTemplate transaction = service.getBean(TransactionTemplate.class);
        StoredTree tree = service.getBean(StoredTree.class);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        this.following = new FollowingTheLog(jdbc, transaction, tree, service.getBean(LoggedEvents.class), 1000, meters);
        this.signing = new SigningCheckpoints(jdbc, transaction, tree, service.getBean(Checkpoints.class),
                service.getBean(NoteSigner.class), new SigningStatus(), meters);
        this.workDirectory = Files.createDirectories(Path.of("target", "bench"));
    }

    private void run(int events, int threads, long verifiedEvents) throws Exception {
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        CommandLoad load = new CommandLoad(service.getBean(CommandGateway.class), threads);
        System.out.printf("warming up (%d events)…%n", events);
        load.append(events);
        following.catchUp();

        double appended = load.append(events);
        long start = System.nanoTime();
        long followed = catchUp();
        double leavesStored = followed / CommandLoad.seconds(start);
        double leavesHashed = hashedInMemory();

        long lagFrom = jdbc.queryForObject("SELECT size FROM integrity_tree", Long.class);
        signing.signIfGrown();
        ScheduledExecutorService schedule = Executors.newScheduledThreadPool(2);
        schedule.scheduleWithFixedDelay(following::follow, 0, FOLLOW_EVERY_MS, TimeUnit.MILLISECONDS);
        schedule.scheduleWithFixedDelay(signing::signOnSchedule, CHECKPOINT_EVERY_MS, CHECKPOINT_EVERY_MS,
                TimeUnit.MILLISECONDS);
        double appendedWhileFollowing = load.append(events);
        long lagTo = lagFrom + events;
        while (latestCheckpointSize() < lagTo) {
            TimeUnit.MILLISECONDS.sleep(FOLLOW_EVERY_MS);
        }
        schedule.shutdown();
        schedule.awaitTermination(1, TimeUnit.MINUTES);
        Map<String, Object> lag = lagBetween(lagFrom, lagTo);

        System.out.printf("%n| measured (%d events, %d threads) | per second |%n|---|---:|%n", events, threads);
        System.out.printf("| events appended, write path at its peak | %,.0f |%n", appended);
        System.out.printf("| leaves taken into the stored tree (read, hashed, stored) | %,.0f |%n", leavesStored);
        System.out.printf("| leaves hashed in memory (encoding, leaf hash, tree) | %,.0f |%n", leavesHashed);
        System.out.printf("| events appended while the tree follows and checkpoints are signed | %,.0f |%n",
                appendedWhileFollowing);
        System.out.printf("%nstored tree / write path peak = %.1fx (target ≥ 2x)%n", leavesStored / appended);
        System.out.printf("checkpoint lag (interval %d ms, tree following every %d ms): p50 %.2f s, p99 %.2f s, "
                + "max %.2f s%n", CHECKPOINT_EVERY_MS, FOLLOW_EVERY_MS, lag.get("p50"), lag.get("p99"), lag.get("max"));

        offlineVerification(verifiedEvents);
    }

    private void offlineVerification(long total) throws Exception {
        System.out.printf("%nfilling the log to %,d events…%n", total);
        new SyntheticLog(jdbc).fillTo(total);
        long start = System.nanoTime();
        long followed = catchUp();
        System.out.printf("stored tree over %,d synthetic events: %,.0f leaves/s%n", followed,
                followed / CommandLoad.seconds(start));
        signing.signIfGrown();

        Path export = workDirectory.resolve("export.ndjson");
        start = System.nanoTime();
        BenchService.exportTo(service, export);
        double exportSeconds = CommandLoad.seconds(start);
        Path checkpoints = Files.createDirectories(workDirectory.resolve("checkpoints"));
        try (var old = Files.list(checkpoints)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(checkpoints.resolve("latest.note"), jdbc.queryForObject(
                "SELECT note FROM integrity_checkpoint ORDER BY tree_size DESC LIMIT 1", String.class));
        Path key = Files.writeString(workDirectory.resolve("log.vkey"),
                service.getBean(NoteSigner.class).verifierKey().encoded());

        Timed sha256sum = timed("sha256sum", export.toString());
        Timed verifier = timed("java", "-jar", System.getProperty("bench.verifier-jar",
                "verifier/target/verifier-0.1.0-SNAPSHOT.jar"), "--log", export.toString(), "--key", key.toString(),
                "--checkpoints", checkpoints.toString());

        long bytes = Files.size(export);
        System.out.printf("%n| offline, %,d events, export of %,.0f MB | seconds |%n|---|---:|%n", total, bytes / 1e6);
        System.out.printf("| export (GET /api/events to a file) | %.1f |%n", exportSeconds);
        System.out.printf("| sha256sum of the export | %.1f |%n", sha256sum.seconds());
        System.out.printf("| ./jianhu verify (the verifier jar) | %.1f |%n", verifier.seconds());
        System.out.printf("%nverifier: %s", verifier.output());
        System.out.printf("verifier / sha256sum = %.1fx; target < 30 s%n", verifier.seconds() / sha256sum.seconds());
    }

    private long catchUp() {
        long total = 0;
        for (long added = following.catchUp(); added > 0; added = following.catchUp()) {
            total += added;
        }
        return total;
    }

    /** The same events' leaves without the database: the encoding, the leaf hash and the tree in memory. */
    private double hashedInMemory() {
        LoggedEvents events = service.getBean(LoggedEvents.class);
        List<Long> positions = jdbc.queryForList("SELECT global_index FROM domain_event_entry", Long.class);
        var stored = positions.stream().map(position -> events.at(position).orElseThrow()).toList();
        MemoryTree tree = new MemoryTree();
        long start = System.nanoTime();
        stored.forEach(event -> tree.append(LeafEncoding.leafHash(event)));
        return stored.size() / CommandLoad.seconds(start);
    }

    private long latestCheckpointSize() {
        Long size = jdbc.queryForObject("SELECT max(tree_size) FROM integrity_checkpoint", Long.class);
        return size == null ? 0 : size;
    }

    private Map<String, Object> lagBetween(long fromLeaf, long toLeaf) {
        return jdbc.queryForMap("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50, "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99, max(lag) AS max FROM ("
                + "SELECT EXTRACT(EPOCH FROM (SELECT min(signed_at) FROM integrity_checkpoint c "
                + "WHERE c.tree_size > l.leaf_index) - l.recorded_at)::float8 AS lag "
                + "FROM integrity_leaf l WHERE l.leaf_index >= ? AND l.leaf_index < ?) lags", fromLeaf, toLeaf);
    }

    private record Timed(double seconds, String output) {
    }

    private Timed timed(String... command) throws Exception {
        Path output = workDirectory.resolve("command.out");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exit = process.waitFor();
        double seconds = CommandLoad.seconds(start);
        String printed = Files.readString(output);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + printed);
        }
        return new Timed(seconds, printed);
    }
}
