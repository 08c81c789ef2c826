package org.jianhu.project.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.jianhu.servicesupport.messaging.ConfirmingPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends every committed event to the project-events exchange, in the event store's reading order, on one thread:
 * it reads a batch, publishes it, waits for the broker's confirms, and only then moves its position
 * ({@link RelayPosition}). Delivery is at-least-once: an outage or a crash re-sends from the last confirmed
 * position, never skips; consumers de-duplicate on the message id (the event id).
 *
 * <p>Why a loop of its own and not an Axon tracking processor, as it was: a processor runs each batch in a
 * database transaction (its token claim and update give it an id at once), so waiting there for confirms held a
 * transaction of this database open as long as the broker took, and the event store's readers wait behind every
 * such transaction (event-store README). Here no transaction is open while the relay waits on the network: reading
 * is a statement of its own, and each position move is a transaction of a few milliseconds.
 */
public class RabbitRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RabbitRelay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KEEP_CLAIM_EVERY = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final RelayPosition position;
    private final ConfirmingPublisher publisher;
    private final ObjectMapper json;
    private final int batchSize;
    private final RelayProgress progress = new RelayProgress();
    private volatile boolean running;
    private Thread relaying;
    private BlockingStream<TrackedEventMessage<?>> stream;
    private Instant claimKept = Instant.EPOCH;

    public RabbitRelay(StreamableMessageSource<TrackedEventMessage<?>> events, RelayPosition position,
                       ConfirmingPublisher publisher, ObjectMapper json, int batchSize) {
        this.events = events;
        this.position = position;
        this.publisher = publisher;
        this.json = json;
        this.batchSize = batchSize;
    }

    RelayProgress progress() {
        return progress;
    }

    /** Its last look at the event store found nothing more to send. */
    public boolean isCaughtUp() {
        return progress.caughtUp();
    }

    @Override
    public synchronized void start() {
        running = true;
        relaying = new Thread(this::relayUntilStopped, "rabbit-relay");
        relaying.setDaemon(true);
        relaying.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (relaying == null) {
            return;
        }
        relaying.interrupt();
        try {
            relaying.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayUntilStopped() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try {
                relayNextBatch();
                retry = FIRST_RETRY;
            } catch (UnableToClaimTokenException elsewhere) {
                closeStream();
                progress.notClaimed();
                pause(LAST_RETRY);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException failed) {
                // the broker or the database is away: start again from the last confirmed position
                log.warn("relay batch failed, re-sending from the last confirmed position in {} ms: {}",
                        retry.toMillis(), failed.getMessage());
                closeStream();
                progress.failed(failed);
                pause(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        closeStream();
        // stopping interrupted the thread; the claim's release must still get its connection
        Thread.interrupted();
        releaseClaim();
    }

    private void relayNextBatch() throws InterruptedException {
        if (stream == null) {
            TrackingToken confirmed = position.claim();
            progress.claimed(confirmed);
            claimKept = Instant.now();
            stream = events.openStream(WrappedToken.unwrapLowerBound(confirmed));
        }
        List<TrackedEventMessage<?>> batch = nextBatch();
        if (batch.isEmpty()) {
            keepClaimWhileIdle();
            progress.idle();
            return;
        }
        for (TrackedEventMessage<?> message : batch) {
            RelayedEvent.of(message, json).ifPresent(event ->
                    publisher.publish(event.routingKey(), event.properties(), event.body()));
        }
        publisher.awaitConfirms();
        TrackingToken last = batch.get(batch.size() - 1).trackingToken();
        position.moveTo(last);
        claimKept = Instant.now();
        progress.confirmed(last);
    }

    private List<TrackedEventMessage<?>> nextBatch() throws InterruptedException {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        if (stream.hasNextAvailable((int) POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            do {
                batch.add(stream.nextAvailable());
            } while (batch.size() < batchSize && stream.hasNextAvailable());
        }
        return batch;
    }

    private void keepClaimWhileIdle() {
        if (Duration.between(claimKept, Instant.now()).compareTo(KEEP_CLAIM_EVERY) >= 0) {
            position.keepClaim();
            claimKept = Instant.now();
        }
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void releaseClaim() {
        try {
            position.release();
        } catch (RuntimeException notReleased) {
            // another instance takes over once the claim times out
            log.info("relay claim not released: {}", notReleased.getMessage());
        }
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
