package org.jianhu.project.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.project.ProjectServiceApplication;
import org.jianhu.project.progress.ReportProgressCommand;
import org.jianhu.project.relay.RabbitRelay;
import org.jianhu.project.project.RegisterProjectCommand;
import org.jianhu.testsupport.Infrastructure;
import org.jianhu.testsupport.PostgresServer;
import org.jianhu.testsupport.RabbitBroker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Appends events through the command path (command gateway → aggregate → commit-ordered event store
 * → PostgreSQL) and, in the same run at the same concurrency, single-row JDBC INSERTs of the same
 * row shape into a table of the same shape and indexes: the floor under any event store on this
 * database. Reported too: the command path while the relay and the listing consume alongside.
 *
 * <p>Run: {@code ./jianhu bench [events] [threads]} (defaults 4000 and 4).
 */
public final class WritePathBenchmark {

    private static final Map<String, Object> ACTOR = Map.of("actorUser", "bench", "actorRole", "owner",
            "actorOrganisation", "bench-owner", "correlationId", "bench");
    private static final Map<String, Object> REGISTRAR = Map.of("actorUser", "bench-admin", "actorRole", "admin",
            "correlationId", "bench");

    public static void main(String[] args) {
        try {
            benchmark(args);
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        // Axon's non-daemon housekeeping threads would otherwise keep exec:java waiting
        System.exit(0);
    }

    private static void benchmark(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        ProjectServiceApplication.keepAxonFromPhoningHome();
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        String database = postgres.createDatabase("bench_write_path");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProjectServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + postgres.jdbcUrl(database),
                        "--spring.datasource.username=" + postgres.user(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.rabbitmq.host=" + rabbit.host(),
                        "--spring.rabbitmq.port=" + rabbit.port(),
                        "--jianhu.amqp.prefix=bench." + database,
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off",
                        System.getProperty("bench.spring-arg", "--jianhu.bench=true"),
                        System.getProperty("bench.spring-arg2", "--jianhu.bench=true"))) {
            new WritePathBenchmark(context, threads).run(events);
        }
    }

    private final java.util.concurrent.atomic.AtomicLong rawSequence = new java.util.concurrent.atomic.AtomicLong();
    private final CommandGateway commands;
    private final EventProcessingConfiguration processing;
    private final ObjectProvider<RabbitRelay> relay;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final int threads;

    private WritePathBenchmark(ConfigurableApplicationContext context, int threads) {
        this.commands = context.getBean(CommandGateway.class);
        this.processing = context.getBean(EventProcessingConfiguration.class);
        this.relay = context.getBeanProvider(RabbitRelay.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.objectMapper = context.getBean(ObjectMapper.class);
        this.threads = threads;
    }

    private void run(int events) throws Exception {
        jdbc.execute("CREATE TABLE raw_event_baseline (LIKE domain_event_entry INCLUDING ALL)");
        List<String> projects = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            projects.add(register(t));
        }
        System.out.printf("warming up (%d events each way)…%n", events);
        measure(events, i -> reportProgress(projects, i));
        measure(events, this::insertRaw);

        double withConsumers = measure(events, i -> reportProgress(projects, i));
        awaitConsumersCaughtUp();

        pauseConsumers();
        double rawInsert = measure(events, this::insertRaw);
        double commandPath = measure(events, i -> reportProgress(projects, i));
        double rawInsertAgain = measure(events, this::insertRaw);
        double commandPathAgain = measure(events, i -> reportProgress(projects, i));
        resumeConsumers();
        awaitConsumersCaughtUp();

        System.out.printf("%n| path | events | threads | events/s |%n|---|---|---|---|%n");
        System.out.printf("| raw JDBC single-row INSERT, same row shape | %d | %d | %.0f |%n", events, threads, rawInsert);
        System.out.printf("| command path: gateway → aggregate → event store | %d | %d | %.0f |%n",
                events, threads, commandPath);
        System.out.printf("| raw JDBC single-row INSERT, again | %d | %d | %.0f |%n", events, threads, rawInsertAgain);
        System.out.printf("| command path, again | %d | %d | %.0f |%n", events, threads, commandPathAgain);
        System.out.printf("| command path while relay and listing run on the same 2 cores | %d | %d | %.0f |%n",
                events, threads, withConsumers);
        System.out.printf("%ncommand path / raw baseline = %.2f (target ≥ 0.50)%n",
                (commandPath + commandPathAgain) / (rawInsert + rawInsertAgain));
    }

    /**
     * The relay and the listing work off the write path; pausing them while the write path is
     * measured keeps their catching-up from being charged to whichever path runs at that moment.
     */
    private void pauseConsumers() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        relay.ifAvailable(RabbitRelay::stop);
    }

    private void resumeConsumers() {
        processing.eventProcessors().values().forEach(EventProcessor::start);
        relay.ifAvailable(RabbitRelay::start);
    }

    private void awaitConsumersCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && !caughtUp()) {
            Thread.sleep(200);
        }
    }

    private boolean caughtUp() {
        return relay.stream().allMatch(RabbitRelay::isCaughtUp) && processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> processor.isRunning() && !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
    }

    private String register(int thread) {
        String projectId = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterProjectCommand(projectId,
                "BENCH-" + thread + "-" + projectId.substring(0, 8), "Benchmark project", "construction", "bench",
                "bench-owner", Money.cny("1000000.00"),
                new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)), List.of("sup-li"))).andMetaData(REGISTRAR));
        return projectId;
    }

    /** Each thread writes to its own project, as owners of different projects would. */
    private void reportProgress(List<String> projects, int index) {
        String projectId = projects.get(index % threads);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ReportProgressCommand(projectId, null,
                BigDecimal.valueOf(index % 100), LocalDate.of(2025, 6, 1))).andMetaData(ACTOR));
    }

    private void insertRaw(int index) {
        try {
            byte[] payload = objectMapper.writeValueAsBytes(new ProgressReported("raw-" + (index % threads),
                    BigDecimal.valueOf(index % 100), LocalDate.of(2025, 6, 1)));
            byte[] metadata = objectMapper.writeValueAsBytes(ACTOR);
            jdbc.update("INSERT INTO raw_event_baseline (event_identifier, aggregate_identifier, sequence_number, "
                            + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), "raw-" + (index % threads), rawSequence.getAndIncrement(), "Project",
                    java.time.OffsetDateTime.now(), ProgressReported.class.getName(), "1", payload, metadata);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @return events per second for {@code count} calls spread over the threads */
    private double measure(int count, IntConsumer append) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += threads) {
                        append.accept(i);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
