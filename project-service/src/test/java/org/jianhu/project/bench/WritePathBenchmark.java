package org.jianhu.project.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.project.ProjectServiceApplication;
import org.jianhu.project.progress.ReportProgressCommand;
import org.jianhu.project.project.ProjectListing;
import org.jianhu.project.project.RegisterProjectCommand;
import org.jianhu.project.relay.RabbitRelay;
import org.jianhu.project.relay.RelayStatus;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Appends events through the command path (command gateway → aggregate → commit-ordered event store
 * → PostgreSQL) and, in the same run at the same concurrency, single-row JDBC INSERTs of the same
 * row shape into a table of the same shape and indexes: the floor under any event store on this
 * database. Reported too: the command path while the relay and the listing consume alongside.
 *
 * <p>Run: {@code ./jianhu bench [events] [threads] [rounds]} (defaults 4000, 4 and 2; {@code
 * JIANHU_BENCH_JAVA_OPTS=-Dbench.each-consumer=true} adds rounds with only the relay and only the listing running).
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
        RoundTrips roundTrips = Boolean.getBoolean("bench.count-round-trips") ? new RoundTrips() : null;
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean eachConsumer = Boolean.getBoolean("bench.each-consumer");
        ProjectServiceApplication.keepAxonFromPhoningHome();
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        String database = postgres.createDatabase("bench_write_path");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProjectServiceApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(starting -> {
                    if (roundTrips != null) {
                        starting.getBeanFactory().addBeanPostProcessor(roundTrips);
                    }
                })
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
            new WritePathBenchmark(context, threads, roundTrips).run(events, rounds, eachConsumer);
        }
    }

    private final java.util.concurrent.atomic.AtomicLong rawSequence = new java.util.concurrent.atomic.AtomicLong();
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Optional<EventProcessor> listing;
    private final ObjectProvider<RabbitRelay> relay;
    private final ObjectProvider<RelayStatus> relayStatus;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final int threads;
    private final ExecutorService writers;
    private final RoundTrips roundTrips;

    private WritePathBenchmark(ConfigurableApplicationContext context, int threads, RoundTrips roundTrips) {
        this.roundTrips = roundTrips;
        this.commands = context.getBean(CommandGateway.class);
        this.eventStore = context.getBean(EventStore.class);
        this.listing = context.getBean(EventProcessingConfiguration.class).eventProcessor(ProjectListing.PROCESSING_GROUP);
        this.relay = context.getBeanProvider(RabbitRelay.class);
        this.relayStatus = context.getBeanProvider(RelayStatus.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.objectMapper = context.getBean(ObjectMapper.class);
        this.threads = threads;
        AtomicInteger writer = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(threads, work -> new Thread(work,
                "bench-writer-" + writer.incrementAndGet()));
    }

    /** What runs beside the writers in a round. */
    private enum Beside {
        NOTHING("—"), RELAY_AND_LISTING("relay and listing"), RELAY("relay only"), LISTING("listing only");

        final String label;

        Beside(String label) {
            this.label = label;
        }
    }

    /** @param roundTrips statements and transaction controls per event by thread group, where counted */
    private record Round(double eventsPerSecond, CpuUse.Spent spent, double catchUpSeconds,
                         Map<String, Double> roundTrips) {
    }

    private void run(int events, int rounds, boolean eachConsumer) throws Exception {
        jdbc.execute("CREATE TABLE raw_event_baseline (LIKE domain_event_entry INCLUDING ALL)");
        List<String> projects = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            projects.add(register(t));
        }
        System.out.printf("warming up (%d events each way)…%n", events);
        measure(events, i -> reportProgress(projects, i), Beside.RELAY_AND_LISTING);
        measure(events, this::insertRaw, Beside.NOTHING);

        List<Beside> besides = eachConsumer
                ? List.of(Beside.NOTHING, Beside.RELAY_AND_LISTING, Beside.RELAY, Beside.LISTING)
                : List.of(Beside.NOTHING, Beside.RELAY_AND_LISTING);
        List<Round> raw = new ArrayList<>();
        Map<Beside, List<Round>> command = new EnumMap<>(Beside.class);
        besides.forEach(beside -> command.put(beside, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d of %d…%n", round, rounds);
            // each round starts one row later, so that no row always runs first (or always right after another)
            int rows = besides.size() + 1;
            for (int row = 0; row < rows; row++) {
                int which = (row + round - 1) % rows;
                if (which == 0) {
                    raw.add(measure(events, this::insertRaw, Beside.NOTHING));
                } else {
                    Beside beside = besides.get(which - 1);
                    command.computeIfAbsent(beside, b -> new ArrayList<>())
                            .add(measure(events, i -> reportProgress(projects, i), beside));
                }
            }
        }
        report(events, raw, command);
    }

    private void report(int events, List<Round> raw, Map<Beside, List<Round>> command) {
        int rounds = raw.size();
        System.out.printf("%n%d events per round, %d threads, %d rounds; events/s, and the ratio to the raw INSERTs "
                + "of the same round%n%n| path | beside the writers |", events, threads, rounds);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(" round %d |", round);
        }
        System.out.printf(" mean |%n|---|---|%s---:|%n", "---:|".repeat(rounds));
        System.out.printf("| raw JDBC single-row INSERT, same row shape | — |");
        raw.forEach(round -> System.out.printf(" %,.0f |", round.eventsPerSecond()));
        System.out.printf(" %,.0f |%n", mean(raw, Round::eventsPerSecond));
        command.forEach((beside, rows) -> {
            System.out.printf("| command path | %s |", beside.label);
            double ratios = 0;
            for (int round = 0; round < rounds; round++) {
                double ratio = rows.get(round).eventsPerSecond() / raw.get(round).eventsPerSecond();
                ratios += ratio;
                System.out.printf(" %,.0f (%.2f) |", rows.get(round).eventsPerSecond(), ratio);
            }
            System.out.printf(" %,.0f (%.2f) |%n", mean(rows, Round::eventsPerSecond), ratios / rounds);
        });
        System.out.printf("%nwhere the CPU went, per 1000 events (mean of the rounds; catch-up: seconds the "
                + "consumers still needed once the writers stopped)%n%n");
        System.out.printf("- raw INSERT: %s%n", spentOf(raw));
        command.forEach((beside, rows) -> System.out.printf("- command path, %s beside: %s; catch-up %.1f s%n",
                beside.label, spentOf(rows), mean(rows, Round::catchUpSeconds)));
        double running = 0;
        List<Round> both = command.get(Beside.RELAY_AND_LISTING);
        for (int round = 0; round < rounds; round++) {
            running += both.get(round).eventsPerSecond() / raw.get(round).eventsPerSecond();
        }
        System.out.printf("%ncommand path with the relay and the listing running / raw INSERT = %.2f "
                + "(target ≥ 0.50)%n", running / rounds);
    }

    private static String spentOf(List<Round> rounds) {
        Map<String, Double> jvm = new java.util.TreeMap<>();
        rounds.forEach(round -> round.spent().jvmMillisPerThousand().forEach((group, millis) ->
                jvm.merge(group, millis / rounds.size(), Double::sum)));
        Map<String, Double> sent = new java.util.TreeMap<>();
        rounds.forEach(round -> round.roundTrips().forEach((group, perEvent) ->
                sent.merge(group, perEvent / rounds.size(), Double::sum)));
        StringBuilder text = new StringBuilder(new CpuUse.Spent(jvm,
                mean(rounds, round -> round.spent().postgresMillisPerThousand())).describe());
        if (!sent.isEmpty()) {
            text.append("; round trips per event:");
            sent.forEach((group, perEvent) -> text.append(" %s %.2f".formatted(group, perEvent)));
        }
        return text.toString();
    }

    private static double mean(List<Round> rounds, java.util.function.ToDoubleFunction<Round> value) {
        return rounds.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    /**
     * One round of {@code count} appends with {@code beside} running, every consumer caught up at the start. Those
     * not running are paused, so that their catching up later is charged to no round; those running are given the
     * time they still need once the writers stop (reported, not counted in the rate).
     */
    private Round measure(int count, IntConsumer append, Beside beside) throws Exception {
        runConsumers(true, true);
        awaitConsumersCaughtUp();
        runConsumers(beside == Beside.RELAY_AND_LISTING || beside == Beside.RELAY,
                beside == Beside.RELAY_AND_LISTING || beside == Beside.LISTING);
        Map<String, Long> sentBefore = roundTrips == null ? Map.of() : roundTrips.snapshot();
        CpuUse before = CpuUse.now(jdbc);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(writers.submit(() -> {
                for (int i = thread; i < count; i += threads) {
                    append.accept(i);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double eventsPerSecond = count / ((System.nanoTime() - start) / 1e9);
        CpuUse.Spent spent = CpuUse.now(jdbc).since(before, count);
        Map<String, Double> sent = new java.util.TreeMap<>();
        if (roundTrips != null) {
            roundTrips.snapshot().forEach((group, total) -> {
                long during = total - sentBefore.getOrDefault(group, 0L);
                if (during > 0) {
                    sent.put(group, during / (double) count);
                }
            });
        }
        long writersDone = System.nanoTime();
        double catchUp = 0;
        if (beside != Beside.NOTHING) {
            // only those that ran: a paused one catches up before the next round, charged to none
            awaitConsumersCaughtUp();
            catchUp = (System.nanoTime() - writersDone) / 1e9;
        }
        return new Round(eventsPerSecond, spent, catchUp, sent);
    }

    private void runConsumers(boolean relaying, boolean listingRuns) {
        relay.ifAvailable(running -> {
            if (relaying && !running.isRunning()) {
                running.start();
            } else if (!relaying && running.isRunning()) {
                running.stop();
            }
        });
        listing.ifPresent(processor -> {
            if (listingRuns && !processor.isRunning()) {
                processor.start();
            } else if (!listingRuns && processor.isRunning()) {
                processor.shutDown();
            }
        });
    }

    /** Waits until those of the relay and the listing that run have taken every event stored (the writers stopped). */
    private void awaitConsumersCaughtUp() throws InterruptedException {
        TrackingToken head = eventStore.createHeadToken();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!caughtUpWith(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay or the listing did not catch up with " + head
                        + " within a minute: relay " + relayStatus.stream().map(status -> status.health().getDetails())
                        .toList() + ", listing " + listing.map(StreamingEventProcessor.class::cast)
                        .map(StreamingEventProcessor::processingStatus).orElse(Map.of()) + " running "
                        + listing.map(EventProcessor::isRunning) + " tokens " + jdbc.queryForList(
                                "SELECT processor_name, owner, time_stamp FROM token_entry"));
            }
            Thread.sleep(20);
        }
    }

    private boolean caughtUpWith(TrackingToken head) {
        boolean relayed = relay.stream().noneMatch(RabbitRelay::isRunning) || relayStatus.stream().allMatch(status ->
                Long.valueOf(0).equals(status.health().getDetails().get("lag")));
        boolean listed = listing.stream().filter(EventProcessor::isRunning)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(status ->
                        status.getTrackingToken() != null
                                && WrappedToken.unwrapLowerBound(status.getTrackingToken()).covers(head)));
        return relayed && listed;
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
}
