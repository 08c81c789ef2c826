package org.jianhu.eventstore.benchmark;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jianhu.eventstore.support.Events;
import org.jianhu.eventstore.support.HeldTransaction;
import org.jianhu.eventstore.support.TestDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Side-by-side figures for the commit-ordered engine and Axon's stock JdbcEventStorageEngine, in one
 * run on one PostgreSQL: append rate, tracking-read rate on a contiguous and on a gap-ridden store,
 * and commit-to-processor latency. Not a test: run it as BENCHMARKS.md says.
 */
public final class EngineBenchmark {

    private static final int ROUNDS = 7;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TestDatabase database = TestDatabase.create("benchmark", 12);
             TestDatabase gapped = TestDatabase.create("benchmark_gaps", 4);
             TestDatabase neighbour = TestDatabase.create("benchmark_neighbour", 2)) {
            printMachine(database);
            List<String> runs = new ArrayList<>();
            EventStorageEngine ours = database.commitOrderedEngine().build();
            EventStorageEngine stock = database.stockEngine().build();

            AppendLoad load = new AppendLoad(database, 4, 500, 3);
            for (int warmup = 0; warmup < 2; warmup++) {
                load.run(stock, "warmup-stock-" + warmup);
                load.run(ours, "warmup-ours-" + warmup);
            }
            List<Double> stockAppends = new ArrayList<>();
            List<Double> ourAppends = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Alternate who goes first, so neither always writes into the warmer cache.
                if (round % 2 == 0) {
                    stockAppends.add(load.run(stock, "stock-" + round));
                    ourAppends.add(load.run(ours, "ours-" + round));
                } else {
                    ourAppends.add(load.run(ours, "ours-" + round));
                    stockAppends.add(load.run(stock, "stock-" + round));
                }
            }
            runs.add("append events/s, stock " + rounded(stockAppends) + ", ours " + rounded(ourAppends));
            row("Append, 4 writers, 3 events/transaction (events/s, median of " + ROUNDS + " x "
                        + load.eventsPerRun() + ")", median(stockAppends), median(ourAppends));

            TrackingRead.fromTail(stock);
            TrackingRead.fromTail(ours);
            List<TrackingRead.Result> stockReads = new ArrayList<>();
            List<TrackingRead.Result> ourReads = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                stockReads.add(TrackingRead.fromTail(stock));
                ourReads.add(TrackingRead.fromTail(ours));
            }
            runs.add("no-gap read events/s, stock " + rounded(stockReads.stream().map(TrackingRead.Result::eventsPerSecond).toList())
                             + ", ours " + rounded(ourReads.stream().map(TrackingRead.Result::eventsPerSecond).toList()));
            row("Tracking read, no gaps (events/s, median of " + ROUNDS + " x " + stockReads.get(0).events() + " / "
                        + ourReads.get(0).events() + " events)",
                median(stockReads.stream().map(TrackingRead.Result::eventsPerSecond).toList()),
                median(ourReads.stream().map(TrackingRead.Result::eventsPerSecond).toList()));

            // A committed event behind an open transaction of this database: the case where our horizon
            // consults the server's activity on every batch, the most it ever costs a read.
            HeldTransaction open = HeldTransaction.open(database.transactions(), database::writeOutsideTheEventStore);
            stock.appendEvents(Events.fundsMoved("behind-open-stock", 0, 1));
            ours.appendEvents(Events.fundsMoved("behind-open-ours", 0, 1));
            List<TrackingRead.Result> stockHeldReads = new ArrayList<>();
            List<TrackingRead.Result> ourHeldReads = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                stockHeldReads.add(TrackingRead.fromTail(stock));
                ourHeldReads.add(TrackingRead.fromTail(ours));
            }
            open.commit();
            runs.add("read behind an open transaction events/s, stock "
                             + rounded(stockHeldReads.stream().map(TrackingRead.Result::eventsPerSecond).toList())
                             + ", ours " + rounded(ourHeldReads.stream().map(TrackingRead.Result::eventsPerSecond).toList()));
            row("Tracking read, no gaps, an event behind an open transaction of this database (events/s, median of "
                        + ROUNDS + " x " + stockHeldReads.get(0).events() + " / " + ourHeldReads.get(0).events() + " events)",
                median(stockHeldReads.stream().map(TrackingRead.Result::eventsPerSecond).toList()),
                median(ourHeldReads.stream().map(TrackingRead.Result::eventsPerSecond).toList()));

            TrackingRead.Result stockGapped = readWithGaps(gapped, gapped.stockEngine().build(), "domainevententry", "globalindex");
            TrackingRead.Result ourGapped = readWithGaps(gapped, gapped.commitOrderedEngine().build(), "domain_event_entry", "global_index");
            row("Tracking read, every other index a gap (events/s over " + stockGapped.events() + " / "
                        + ourGapped.events() + " events)", stockGapped.eventsPerSecond(), ourGapped.eventsPerSecond());

            CommitToSeenLatency latency = new CommitToSeenLatency(database, 4, 400, Duration.ofMillis(10));
            latency.run(stock, "warmup-stock");
            latency.run(ours, "warmup-ours");
            CommitToSeenLatency.Result stockLatency = latency.run(stock, "stock");
            CommitToSeenLatency.Result ourLatency = latency.run(ours, "ours");
            row("Commit to processor, p50 (ms, " + stockLatency.events() + " / " + ourLatency.events() + " events)",
                stockLatency.p50Millis(), ourLatency.p50Millis());
            row("Commit to processor, p99 (ms)", stockLatency.p99Millis(), ourLatency.p99Millis());
            row("Commit to processor, max (ms)", stockLatency.maxMillis(), ourLatency.maxMillis());

            // Another service's transaction stays open in its own database for the whole run, then ends.
            HeldTransaction stockNeighbour = HeldTransaction.open(neighbour.transactions(), neighbour::writeOutsideTheEventStore);
            CommitToSeenLatency.Result stockBesideOpen = latency.run(stock, "stock-beside-open", stockNeighbour::commit);
            HeldTransaction ourNeighbour = HeldTransaction.open(neighbour.transactions(), neighbour::writeOutsideTheEventStore);
            CommitToSeenLatency.Result ourBesideOpen = latency.run(ours, "ours-beside-open", ourNeighbour::commit);
            row("Commit to processor while a transaction stays open in another database, p50 (ms, "
                        + stockBesideOpen.events() + " / " + ourBesideOpen.events() + " events)",
                stockBesideOpen.p50Millis(), ourBesideOpen.p50Millis());
            row("Commit to processor while a transaction stays open in another database, max (ms)",
                stockBesideOpen.maxMillis(), ourBesideOpen.maxMillis());
            System.out.println();
            runs.forEach(run -> System.out.println("Runs, in order: " + run));
        }
    }

    /**
     * Writes 40,000 events in transactions of 100, then deletes every other row: to a reader that is
     * the same as every other transaction having rolled back, and all the holes are younger than the
     * stock engine's default 60 s gap timeout, so it keeps tracking them.
     */
    private static TrackingRead.Result readWithGaps(TestDatabase database, EventStorageEngine engine,
                                                    String table, String globalIndex) throws Exception {
        new AppendLoad(database, 1, 400, 100).run(engine, table);
        database.jdbc().update("DELETE FROM " + table + " WHERE " + globalIndex + " % 2 = 0");
        database.jdbc().execute("VACUUM ANALYZE " + table);
        return TrackingRead.fromTail(engine);
    }

    private static void printMachine(TestDatabase database) {
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                                   + System.getProperty("java.version") + ", "
                                   + database.jdbc().queryForObject("SELECT version()", String.class));
        System.out.println();
        System.out.println("| Measure | Axon JdbcEventStorageEngine | CommitOrderedEventStorageEngine | ratio |");
        System.out.println("|---|---:|---:|---:|");
    }

    private static void row(String measure, double stock, double ours) {
        System.out.printf("| %s | %,.1f | %,.1f | %.2fx |%n", measure, stock, ours, ours / stock);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

}
