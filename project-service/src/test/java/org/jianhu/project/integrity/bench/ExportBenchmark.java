package org.jianhu.project.integrity.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jianhu.project.integrity.tree.FollowingTheLog;
import org.jianhu.project.integrity.tree.LoggedEvents;
import org.jianhu.project.integrity.tree.StoredTree;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The global log's export ({@code GET /api/events}, NDJSON with each event's stored bytes and leaf) against the
 * physical limit of reading the same rows out of PostgreSQL: {@code psql \copy} of the same columns, the same join
 * to the leaves and the same order, to a file. Both run {@value #ROUNDS} times, alternating, on one log of synthetic
 * payments the tree has taken in; the best of each is compared (rows per second).
 *
 * <p>Run: {@code ./jianhu bench export [events]} (default 1,000,000).
 */
public final class ExportBenchmark {

    private static final int ROUNDS = 5;
    /** What the export reads, as {@code StoredEvents} reads it; the order is the store's reading order. */
    private static final String SAME_ROWS = "SELECT e.global_index, e.event_identifier, e.aggregate_identifier, "
            + "e.sequence_number, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.type, "
            + "leaf.leaf_index, leaf.hash FROM domain_event_entry e LEFT JOIN LATERAL (SELECT leaf_index, hash "
            + "FROM integrity_leaf WHERE global_position = e.global_index ORDER BY leaf_index DESC LIMIT 1) leaf "
            + "ON true ORDER BY e.tx_id, e.global_index";

    public static void main(String[] args) {
        try {
            long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
            try (ConfigurableApplicationContext service = BenchService.start("bench_export")) {
                run(service, events);
            }
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext service, long events) throws Exception {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        System.out.printf("filling the log to %,d events and letting the tree take them in…%n", events);
        new SyntheticLog(jdbc).fillTo(events);
        FollowingTheLog following = new FollowingTheLog(jdbc, service.getBean(TransactionTemplate.class),
                service.getBean(StoredTree.class), service.getBean(LoggedEvents.class), 1000, new SimpleMeterRegistry());
        while (following.catchUp() > 0) {
            // until the tree holds every event, so each exported line carries its leaf
        }
        jdbc.execute("VACUUM ANALYZE domain_event_entry");
        jdbc.execute("VACUUM ANALYZE integrity_leaf");
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        Path work = Files.createDirectories(Path.of("target", "bench"));
        Path exported = work.resolve("export.ndjson");
        Path copied = work.resolve("copy.tsv");

        List<Double> copySeconds = new ArrayList<>();
        List<Double> exportSeconds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            copySeconds.add(copy(database, copied));
            long start = System.nanoTime();
            BenchService.exportTo(service, exported);
            exportSeconds.add(BenchService.seconds(start));
        }
        double copy = Collections.min(copySeconds);
        double export = Collections.min(exportSeconds);
        System.out.printf("%n| %,d events, best of %d | seconds | rows/s | file |%n|---|---:|---:|---:|%n",
                events, ROUNDS);
        System.out.printf("| `psql \\copy` of the same rows (the floor) | %.2f | %,.0f | %,.0f MB |%n",
                copy, events / copy, Files.size(copied) / 1e6);
        System.out.printf("| **`GET /api/events`** to a file | %.2f | %,.0f | %,.0f MB |%n",
                export, events / export, Files.size(exported) / 1e6);
        System.out.printf("%nexport / COPY = %.2f (target ≥ 0.6); every round: COPY %s s, export %s s%n",
                copy / export, copySeconds, exportSeconds);
    }

    private static double copy(String database, Path file) throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-h", postgres.host(),
                "-p", String.valueOf(postgres.port()), "-U", postgres.user(), "-d", database,
                "-c", "\\copy (" + SAME_ROWS + ") TO '" + file.toAbsolutePath() + "'");
        psql.environment().put("PGPASSWORD", postgres.password());
        psql.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        int exit = psql.start().waitFor();
        double seconds = BenchService.seconds(start);
        if (exit != 0) {
            throw new IllegalStateException("psql \\copy exited " + exit);
        }
        return seconds;
    }
}
