package org.jianhu.eventstore.support;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many writers append concurrently, some transactions stay open for seconds and some roll back,
 * while a tracking processor reads all along. Afterwards it compares what was committed with what
 * the processor received.
 *
 * <p>{@link #alongside(TestDatabase)} adds long transactions that are not plain appends, all the
 * while: in a neighbouring database of the same server, and in this database ones that take their
 * id writing elsewhere and then append late, or never.
 */
public final class TortureScenario {

    private final TestDatabase database;
    private final int writers;
    private final int transactionsPerWriter;
    private final Duration hold;
    private final Duration settle;
    private final TestDatabase neighbour;

    public TortureScenario(TestDatabase database, int writers, int transactionsPerWriter, Duration hold,
                           Duration settle) {
        this(database, writers, transactionsPerWriter, hold, settle, null);
    }

    private TortureScenario(TestDatabase database, int writers, int transactionsPerWriter, Duration hold,
                            Duration settle, TestDatabase neighbour) {
        this.database = database;
        this.writers = writers;
        this.transactionsPerWriter = transactionsPerWriter;
        this.hold = hold;
        this.settle = settle;
        this.neighbour = neighbour;
    }

    public TortureScenario alongside(TestDatabase neighbouringDatabase) {
        return new TortureScenario(database, writers, transactionsPerWriter, hold, settle, neighbouringDatabase);
    }

    public Outcome run(EventStorageEngine engine) throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
        TrackingEventProcessor consumer = consumer(eventStore, received);
        consumer.start();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicInteger heldOpen = new AtomicInteger();
        Interlopers interlopers = new Interlopers();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                running.add(pool.submit(() -> write(engine, id, committed, rolledBack, heldOpen)));
            }
            List<Future<?>> alongside = new ArrayList<>();
            if (neighbour != null) {
                alongside.add(pool.submit(() -> holdOpenInTheNeighbour(interlopers)));
                alongside.add(pool.submit(() -> holdOpenHereAndAppendLate(engine, interlopers, committed, rolledBack)));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            interlopers.writersDone = true;
            for (Future<?> interloper : alongside) {
                interloper.get();
            }
            awaitQuiet(received, committed.size());
        } finally {
            pool.shutdownNow();
            consumer.shutDown();
            eventStore.shutDown();
        }
        return Outcome.of(committed, rolledBack, received, heldOpen.get(), interlopers);
    }

    /** Long transactions with an id in another database: they can never append to this event table. */
    private void holdOpenInTheNeighbour(Interlopers interlopers) {
        while (!interlopers.writersDone) {
            neighbour.transactions().executeWithoutResult(status -> {
                neighbour.writeOutsideTheEventStore();
                interlopers.heldOpenElsewhere.incrementAndGet();
                pause(hold.dividedBy(3));
            });
            pause(Duration.ofMillis(10));
        }
    }

    /**
     * Long transactions of this database that take their id writing elsewhere (a projection, a
     * token): one in three appends only at the end, behind everything committed meanwhile, and one in
     * six of those rolls back.
     */
    private void holdOpenHereAndAppendLate(EventStorageEngine engine, Interlopers interlopers,
                                           Set<String> committed, Set<String> rolledBack) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int t = 0; !interlopers.writersDone; t++) {
            boolean appendLate = t % 3 == 0;
            boolean rollBack = appendLate && random.nextInt(6) == 0;
            List<DomainEventMessage<Events.FundsMoved>> events = Events.fundsMoved("late-t" + t, 0, 1 + random.nextInt(3));
            database.transactions().executeWithoutResult(status -> {
                database.writeOutsideTheEventStore();
                pause(Duration.ofMillis(100 + random.nextLong(hold.toMillis() / 3)));
                if (appendLate) {
                    engine.appendEvents(events);
                }
                if (rollBack) {
                    status.setRollbackOnly();
                }
            });
            if (!appendLate) {
                interlopers.heldOpenWithoutAppending.incrementAndGet();
            } else if (rollBack) {
                rolledBack.addAll(identifiers(events));
            } else {
                committed.addAll(identifiers(events));
                interlopers.appendedLate.incrementAndGet();
            }
        }
    }

    private void write(EventStorageEngine engine, int writer, Set<String> committed, Set<String> rolledBack,
                       AtomicInteger heldOpen) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int t = 0; t < transactionsPerWriter; t++) {
            List<DomainEventMessage<Events.FundsMoved>> events =
                    Events.fundsMoved("w" + writer + "-t" + t, 0, 1 + random.nextInt(4));
            // Half the writers each hold two transactions open, early and late in the run.
            boolean holdOpen = writer % 2 == 0 && (t == transactionsPerWriter / 4 || t == 3 * transactionsPerWriter / 4);
            boolean rollBack = !holdOpen && random.nextInt(20) == 0;
            try {
                database.transactions().executeWithoutResult(status -> {
                    engine.appendEvents(events);
                    if (holdOpen) {
                        heldOpen.incrementAndGet();
                        pause(hold);
                    }
                    if (rollBack) {
                        status.setRollbackOnly();
                    }
                });
                (rollBack ? rolledBack : committed).addAll(identifiers(events));
            } catch (RuntimeException failed) {
                rolledBack.addAll(identifiers(events));
            }
            pause(Duration.ofMillis(5 + random.nextInt(20)));
        }
    }

    private TrackingEventProcessor consumer(EmbeddedEventStore eventStore, Map<String, AtomicInteger> received) {
        EventMessageHandler counter = event -> received.computeIfAbsent(event.getIdentifier(), id -> new AtomicInteger())
                                                       .incrementAndGet();
        return TrackingEventProcessor.builder()
                                     .name("torture")
                                     .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(counter).build())
                                     .messageSource(eventStore)
                                     .tokenStore(new InMemoryTokenStore())
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .trackingEventProcessorConfiguration(
                                             TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                                                                .andBatchSize(50)
                                                                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                                     .build();
    }

    /** Waits until all committed events arrived or nothing new arrived for the settle period. */
    private void awaitQuiet(Map<String, AtomicInteger> received, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = received.size();
            if (now >= expected) {
                pause(Duration.ofMillis(500)); // room for a duplicate to show
                return;
            }
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > settle.toNanos()) {
                return;
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static List<String> identifiers(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts of the long transactions run alongside the writers. */
    private static final class Interlopers {
        volatile boolean writersDone;
        final AtomicInteger heldOpenElsewhere = new AtomicInteger();
        final AtomicInteger heldOpenWithoutAppending = new AtomicInteger();
        final AtomicInteger appendedLate = new AtomicInteger();
    }

    /**
     * What was committed against what the processor received.
     *
     * @param heldOpenElsewhere        long transactions in the neighbouring database
     * @param heldOpenWithoutAppending long transactions of this database that never appended
     * @param appendedLate             long transactions of this database that appended at their end and committed
     */
    public record Outcome(int committed, int rolledBack, int heldOpenTransactions, int heldOpenElsewhere,
                          int heldOpenWithoutAppending, int appendedLate, int skipped, int duplicated,
                          int deliveredButNeverCommitted) {

        static Outcome of(Set<String> committed, Set<String> rolledBack, Map<String, AtomicInteger> received,
                          int heldOpen, Interlopers interlopers) {
            int skipped = (int) committed.stream().filter(id -> !received.containsKey(id)).count();
            int duplicated = (int) received.values().stream().filter(times -> times.get() > 1).count();
            int phantom = (int) received.keySet().stream().filter(id -> !committed.contains(id)).count();
            return new Outcome(committed.size(), rolledBack.size(), heldOpen, interlopers.heldOpenElsewhere.get(),
                               interlopers.heldOpenWithoutAppending.get(), interlopers.appendedLate.get(),
                               skipped, duplicated, phantom);
        }
    }
}
