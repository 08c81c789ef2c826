package org.jianhu.project.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The event store as the service's followers read it (the relay, the listing), each on its own thread straight from
 * the storage engine, in its reading order. While there is more, the next batch is read at once; once a read comes
 * back short (the follower caught up), the next is made when this service commits again, but not sooner than
 * {@code gather} after the last, or after {@code poll} at the latest (for what other instances commit). So a quiet
 * store is read at once after each commit, and a busy one every {@code gather}, in batches that grow with the load.
 *
 * <p>Why not the streams of Axon's {@code EmbeddedEventStore}: its one reader thread reads the store again after
 * every commit of this JVM and, while a read finds anything, again at once. Under a steady load that is a read (with
 * its reading horizon, event-store README) every few events, and its followers handle batches of one to three events,
 * each with a transaction, a token update and for the relay a confirm round trip of its own: measured in BENCHMARKS.md
 * "Write path", that cost the writers more than half their rate.
 *
 * <p>A commit only counts and, where a follower waits for one, signals it, on the committing thread: a thread of its
 * own (service-support's {@code Wakeup}) would cost a hand-over per commit where under load nobody waits.
 *
 * <p>A read is an engine stream, kept open while batches come back full and closed once one comes back short: the
 * engine ends a stream only after a whole batch of rows, so an event is never cut from the others of its row that an
 * upcaster may make.
 */
public class FollowingEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final long gatherNanos;
    private final long pollNanos;
    private final AtomicLong commits = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    private final TransactionSynchronization signalling = new TransactionSynchronization() {
        @Override
        public void afterCommit() {
            committed();
        }
    };

    public FollowingEvents(EventStorageEngine storage, Duration gather, Duration poll) {
        if (gather.compareTo(poll) > 0) {
            throw new IllegalArgumentException("gather (" + gather + ") must not exceed poll (" + poll + ")");
        }
        this.storage = storage;
        this.gatherNanos = gather.toNanos();
        this.pollNanos = poll.toNanos();
    }

    /**
     * Wakes the followers waiting once the caller's transaction commits (its events are then readable, or will be
     * when the transactions before them end); at once outside a transaction. Once per transaction however often
     * called.
     */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(signalling);
        } else {
            committed();
        }
    }

    private void committed() {
        commits.incrementAndGet();
        if (waiting.get() > 0) {
            lock.lock();
            try {
                committed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Following(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    /** One follower's stream; used by one thread, as Axon's processors and the relay use theirs. */
    private final class Following implements BlockingStream<TrackedEventMessage<?>> {

        private TrackingToken position;
        private Stream<? extends TrackedEventMessage<?>> reading;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;
        private long lastShortRead;
        private long commitsBeforeRead;
        private boolean caughtUp;
        private volatile boolean closed;

        private Following(TrackingToken position) {
            this.position = position;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            try {
                return hasNextAvailable(0, TimeUnit.NANOSECONDS) ? Optional.of(peeked) : Optional.empty();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + Math.min(unit.toNanos(timeout), Long.MAX_VALUE / 4);
            while (peeked == null && !closed) {
                if (mayRead()) {
                    read();
                    continue;
                }
                long now = System.nanoTime();
                long remaining = deadline - now;
                if (remaining <= 0) {
                    return false;
                }
                long gathered = lastShortRead + gatherNanos;
                if (now - gathered < 0) {
                    // gathering: a commit now would not be read sooner, so none wakes it
                    TimeUnit.NANOSECONDS.sleep(Math.min(remaining, gathered - now));
                } else {
                    awaitCommit(Math.min(remaining, lastShortRead + pollNanos - now));
                }
            }
            return peeked != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IllegalStateException("the stream is closed");
                }
            }
            TrackedEventMessage<?> next = peeked;
            peeked = null;
            position = next.trackingToken();
            return next;
        }

        @Override
        public void close() {
            closed = true;
            endRead();
        }

        private boolean mayRead() {
            if (!caughtUp) {
                return true;
            }
            long sinceShortRead = System.nanoTime() - lastShortRead;
            return sinceShortRead >= pollNanos
                    || sinceShortRead >= gatherNanos && commits.get() != commitsBeforeRead;
        }

        /** Takes the next event of the open read, or opens one; a read that ends short means caught up. */
        private void read() {
            if (events == null) {
                commitsBeforeRead = commits.get();
                reading = storage.readEvents(position, false);
                events = reading.iterator();
            }
            try {
                if (events.hasNext()) {
                    peeked = events.next();
                    caughtUp = false;
                    return;
                }
            } catch (RuntimeException failed) {
                // the database is away: the follower retries with a read from its position
                endRead();
                throw failed;
            }
            endRead();
            caughtUp = true;
            lastShortRead = System.nanoTime();
        }

        private void endRead() {
            if (reading != null) {
                reading.close();
            }
            reading = null;
            events = null;
        }

        /** Until this service commits again after the short read, or {@code nanos} passed. */
        private void awaitCommit(long nanos) throws InterruptedException {
            lock.lock();
            waiting.incrementAndGet();
            try {
                if (commits.get() == commitsBeforeRead) {
                    committed.awaitNanos(nanos);
                }
            } finally {
                waiting.decrementAndGet();
                lock.unlock();
            }
        }
    }
}
