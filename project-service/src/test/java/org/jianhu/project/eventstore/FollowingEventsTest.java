package org.jianhu.project.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The followers' reads: every event once and in order however the reads fall, a caught-up follower woken by this
 * service's next commit, a busy store read no more often than the gather interval, and the poll as the safety net
 * for commits this service never hears of.
 */
class FollowingEventsTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine() {
        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }
    };

    @Test
    void aFollowerTakesEveryEventOnceAndInOrderHoweverItsReadsFall() throws InterruptedException {
        FollowingEvents following = new FollowingEvents(storage, Duration.ZERO, Duration.ofSeconds(10));
        BlockingStream<TrackedEventMessage<?>> stream = following.openStream(null);
        List<Object> taken = new ArrayList<>();
        int appended = 0;
        for (int burst = 1; burst <= 20; burst++) {
            for (int i = 0; i < burst; i++) {
                append("event-" + appended++);
            }
            following.afterCommit();
            while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                taken.add(stream.nextAvailable().getPayload());
            }
        }

        assertThat(taken).hasSize(appended);
        for (int i = 0; i < appended; i++) {
            assertThat(taken.get(i)).isEqualTo("event-" + i);
        }
    }

    @Test
    void aCaughtUpFollowerIsWokenByTheNextCommitNotByItsPoll() throws Exception {
        FollowingEvents following = new FollowingEvents(storage, Duration.ZERO, Duration.ofMinutes(1));
        BlockingStream<TrackedEventMessage<?>> stream = following.openStream(null);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.hasNextAvailable(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                return false;
            }
        });
        append("the next one");
        following.afterCommit();

        // well before the poll (a minute) and the call's own patience (30 s)
        assertThat(woken.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("the next one");
    }

    @Test
    void aBusyStoreIsReadNoMoreOftenThanTheGatherIntervalAllows() throws Exception {
        Duration gather = Duration.ofMillis(50);
        FollowingEvents following = new FollowingEvents(storage, gather, Duration.ofSeconds(10));
        BlockingStream<TrackedEventMessage<?>> stream = following.openStream(null);
        List<Object> taken = new ArrayList<>();
        long start = System.nanoTime();
        int appended = 0;
        while (System.nanoTime() - start < Duration.ofMillis(500).toNanos()) {
            append("event-" + appended++);
            following.afterCommit();
            while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                taken.add(stream.nextAvailable().getPayload());
            }
        }
        long elapsed = System.nanoTime() - start;
        while (taken.size() < appended && stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
            taken.add(stream.nextAvailable().getPayload());
        }

        assertThat(taken).hasSize(appended);
        // one read per commit would be thousands; one per gather interval (and the last) at most
        assertThat(appended).isGreaterThan(100);
        assertThat(reads.get()).isLessThanOrEqualTo((int) (elapsed / gather.toNanos()) + 3);
    }

    @Test
    void aCommitThisServiceNeverHearsOfIsReadAtThePoll() throws Exception {
        FollowingEvents following = new FollowingEvents(storage, Duration.ZERO, Duration.ofSeconds(2));
        BlockingStream<TrackedEventMessage<?>> stream = following.openStream(null);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

        append("another instance's");

        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("another instance's");
    }

    private void append(String payload) {
        storage.appendEvents(GenericEventMessage.asEventMessage(payload));
    }
}
