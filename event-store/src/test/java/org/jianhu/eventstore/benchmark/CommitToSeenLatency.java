package org.jianhu.eventstore.benchmark;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.jianhu.eventstore.support.Events;
import org.jianhu.eventstore.support.TestDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writers publish through Axon's event store in units of work, as command handlers do, at a steady
 * pace; a tracking processor in the same JVM notes when each event reaches it. The clock starts when
 * the database commit has returned.
 */
final class CommitToSeenLatency {

    private final TestDatabase database;
    private final int writers;
    private final int eventsPerWriter;
    private final Duration pace;

    CommitToSeenLatency(TestDatabase database, int writers, int eventsPerWriter, Duration pace) {
        this.database = database;
        this.writers = writers;
        this.eventsPerWriter = eventsPerWriter;
        this.pace = pace;
    }

    record Result(int events, double p50Millis, double p99Millis, double maxMillis) {
    }

    Result run(EventStorageEngine engine, String round) throws Exception {
        return run(engine, round, () -> { });
    }

    /** As {@link #run(EventStorageEngine, String)}, calling {@code afterPublishing} once the writers are done. */
    Result run(EventStorageEngine engine, String round, Runnable afterPublishing) throws Exception {
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        TrackingEventProcessor processor = processor(eventStore, seenAt);
        processor.start();
        Thread.sleep(500);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                String prefix = round + "-latency-w" + writer + "-";
                running.add(pool.submit(() -> publish(eventStore, prefix, committedAt)));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            afterPublishing.run();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seenAt.size() < committedAt.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            pool.shutdownNow();
            processor.shutDown();
            eventStore.shutDown();
        }
        double[] millis = committedAt.entrySet().stream()
                                     .filter(committed -> seenAt.containsKey(committed.getKey()))
                                     .mapToDouble(committed -> Math.max(0, seenAt.get(committed.getKey()) - committed.getValue()) / 1e6)
                                     .sorted()
                                     .toArray();
        return new Result(millis.length, percentile(millis, 0.50), percentile(millis, 0.99), millis[millis.length - 1]);
    }

    private void publish(EmbeddedEventStore eventStore, String prefix, Map<String, Long> committedAt) {
        for (int i = 0; i < eventsPerWriter; i++) {
            var event = Events.fundsMoved(prefix + i, 0);
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(database.axonTransactions());
            eventStore.publish(event);
            // After-commit handlers run last-registered first, so this one runs before the store wakes its readers.
            unitOfWork.afterCommit(committed -> committedAt.put(event.getIdentifier(), System.nanoTime()));
            unitOfWork.commit();
            try {
                Thread.sleep(pace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static TrackingEventProcessor processor(EmbeddedEventStore eventStore, Map<String, Long> seenAt) {
        EventMessageHandler stopwatch = event -> seenAt.putIfAbsent(event.getIdentifier(), System.nanoTime());
        return TrackingEventProcessor.builder()
                                     .name("latency")
                                     .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(stopwatch).build())
                                     .messageSource(eventStore)
                                     .tokenStore(new InMemoryTokenStore())
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .trackingEventProcessorConfiguration(
                                             TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                                     .build();
    }

    private static double percentile(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
