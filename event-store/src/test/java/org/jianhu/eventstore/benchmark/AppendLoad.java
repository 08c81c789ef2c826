package org.jianhu.eventstore.benchmark;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jianhu.eventstore.support.Events;
import org.jianhu.eventstore.support.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Concurrent writers, each transaction a command's worth of events for a fresh aggregate. */
final class AppendLoad {

    private final TestDatabase database;
    private final int writers;
    private final int transactionsPerWriter;
    private final int eventsPerTransaction;

    AppendLoad(TestDatabase database, int writers, int transactionsPerWriter, int eventsPerTransaction) {
        this.database = database;
        this.writers = writers;
        this.transactionsPerWriter = transactionsPerWriter;
        this.eventsPerTransaction = eventsPerTransaction;
    }

    /** Events per second. */
    double run(EventStorageEngine engine, String round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                String prefix = round + "-w" + writer + "-";
                running.add(pool.submit(() -> {
                    for (int t = 0; t < transactionsPerWriter; t++) {
                        var events = Events.fundsMoved(prefix + t, 0, eventsPerTransaction);
                        database.transactions().executeWithoutResult(status -> engine.appendEvents(events));
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return writers * transactionsPerWriter * eventsPerTransaction / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    int eventsPerRun() {
        return writers * transactionsPerWriter * eventsPerTransaction;
    }
}
