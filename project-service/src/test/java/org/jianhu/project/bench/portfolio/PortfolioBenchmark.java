package org.jianhu.project.bench.portfolio;

import org.jianhu.project.ProjectServiceApplication;
import org.jianhu.project.integrity.bench.BenchService;
import org.jianhu.project.bench.portfolio.ListLatency.Measured;
import org.jianhu.project.bench.portfolio.ListLatency.Percentiles;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The generated portfolio loaded into a database of its own through the command path, then the register's and a
 * project's latency on it, each beside the raw SQL it stands on.
 *
 * <p>Run: {@code ./jianhu bench portfolio [projects] [seed] [database]} (defaults 10000, 42, a fresh database). Given
 * a database, it loads into it (created if missing), recording only what is not there yet. The database is kept, and
 * named at the end, for other services to read (BENCHMARKS.md says how); the relay and the record's tree are off, so
 * nothing is published and no checkpoint is signed while it runs. {@code -Dbench.threads} (4) loading threads,
 * {@code -Dbench.requests} (300) timed requests per case.
 */
public final class PortfolioBenchmark {

    public static void main(String[] args) {
        try {
            int projects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
            long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
            String database = args.length > 2 ? args[2] : null;
            run(projects, seed, database);
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        // Axon's non-daemon housekeeping threads would otherwise keep the JVM waiting
        System.exit(0);
    }

    private static void run(int size, long seed, String named) throws Exception {
        int threads = Integer.getInteger("bench.threads", 4);
        int requests = Integer.getInteger("bench.requests", 300);
        ProjectServiceApplication.keepAxonFromPhoningHome();
        PostgresServer postgres = Infrastructure.postgres();
        String database = named == null ? postgres.createDatabase("bench_portfolio_" + size) : ensure(postgres, named);
        Portfolio portfolio = Portfolio.of(seed, size, Clock.systemUTC());
        System.out.printf("portfolio: %,d projects, seed %d, as of %s, into database %s (%d threads)%n", size, seed,
                portfolio.asOf(), database, threads);
        try (ConfigurableApplicationContext service = start(database)) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            List<EventProcessor> followers = followers(service);
            followers.forEach(EventProcessor::shutDown);
            PortfolioLoad.Loaded loaded = new PortfolioLoad(service.getBean(CommandGateway.class), jdbc, threads)
                    .load(portfolio);
            long listingStart = System.nanoTime();
            followers.forEach(EventProcessor::start);
            awaitListing(jdbc);
            double listingSeconds = (System.nanoTime() - listingStart) / 1e9;
            long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            long listed = jdbc.queryForObject("SELECT count(*) FROM project_listing", Long.class);

            System.out.printf("%n| load (%d threads, command gateway → project → event store) | |%n|---|---:|%n",
                    threads);
            System.out.printf("| projects recorded (in full or the rest of) / already complete, skipped | %,d / %,d |%n",
                    loaded.recorded(), loaded.skipped());
            System.out.printf("| events appended | %,d |%n", loaded.events());
            System.out.printf("| wall time | %.0f s |%n", loaded.seconds());
            System.out.printf("| events/s | %,.0f |%n", loaded.eventsPerSecond());
            System.out.printf("| the register, paused while loading, caught up on all of it in | %.0f s |%n",
                    listingSeconds);
            System.out.printf("| in the database: events / projects listed | %,d / %,d |%n", events, listed);
            System.out.printf("%nmix: %s; %s%n", loaded.risks(), loaded.endings());
            System.out.printf("by status: %s%n", jdbc.queryForList(
                    "SELECT status, count(*) AS projects FROM project_listing GROUP BY status ORDER BY status"));

            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            List<Measured> measured = new ListLatency(port, jdbc, requests).measure();
            System.out.printf("%n%,d projects, %,d events; %d requests each, one at a time, after a warm-up; ms%n",
                    listed, events, requests);
            System.out.println("| request | p50 | p95 | p99 | raw SQL behind it (JDBC) | p50 | p95 | p99 |");
            System.out.println("|---|---:|---:|---:|---|---:|---:|---:|");
            for (Measured m : measured) {
                System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", m.request(), ms(m.answer().p50()),
                        ms(m.answer().p95()), ms(m.answer().p99()), m.baseline(), ms(m.raw().p50()),
                        ms(m.raw().p95()), ms(m.raw().p99()));
            }
            double worst = measured.stream().map(Measured::answer).mapToDouble(Percentiles::p95).max().orElseThrow();
            System.out.printf("%nlist p95 at %,d projects: %s ms (target < 100 ms)%n", listed, ms(worst));
            System.out.printf("%nthe database %s is kept: point a project service at it with%n"
                    + "  JIANHU_DB_URL=%s JIANHU_DIRECTORY_USERS_FILE=project-service/src/test/resources/bench/"
                    + "portfolio-users.yml%n(drop it with: psql -c 'DROP DATABASE %s')%n", database,
                    postgres.jdbcUrl(database), database);
        }
    }

    private static String ms(double millis) {
        return millis < 10 ? String.format("%.2f", millis) : String.format("%.1f", millis);
    }

    private static String ensure(PostgresServer postgres, String database) throws Exception {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a database name of lower-case letters, digits and _: " + database);
        }
        try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        }
        return database;
    }

    private static ConfigurableApplicationContext start(String database) {
        return BenchService.startOn(database,
                "--management.server.port=0",
                "--jianhu.directory.users-file=classpath:bench/portfolio-users.yml",
                // nothing consumes the relay here, and the tree would follow a million events while we measure
                "--jianhu.relay.enabled=false");
    }

    /**
     * The processors that follow the record (the register): they work off the write path, so they are paused while
     * loading and catch up after, each measured alone. The registration's claim on its code is a subscribing
     * processor, part of the command's transaction: it stays.
     */
    private static List<EventProcessor> followers(ConfigurableApplicationContext service) {
        return service.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).toList();
    }

    /** The register follows the record (a tracking processor): caught up when it lists every project's last event. */
    private static void awaitListing(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> counts = jdbc.queryForMap("SELECT (SELECT count(*) FROM domain_event_entry) AS events, "
                    + "(SELECT coalesce(sum(version + 1), 0) FROM project_listing) AS listed");
            if (((Number) counts.get("events")).longValue() == ((Number) counts.get("listed")).longValue()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the register did not catch up within 30 minutes");
    }
}
