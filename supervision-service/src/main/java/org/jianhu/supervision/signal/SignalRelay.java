package org.jianhu.supervision.signal;

import org.jianhu.servicesupport.messaging.ConfirmingPublisher;
import org.jianhu.servicesupport.messaging.PublishFailure;

import com.rabbitmq.client.AMQP;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.jianhu.servicesupport.wakeup.Wakeup;

import java.util.List;
import java.util.Map;

/**
 * Publishes the outbox to the risk-signals exchange, from the instance that holds the {@link SignalRelayLease}: it
 * reads a batch, publishes it, waits for the broker's confirms and only then marks it published. Each database step
 * is a statement of its own, so no transaction is open while the relay waits on the broker (issue 15: a
 * transaction held open through a network wait holds back everything waiting on it). A crash or an outage re-sends
 * (at-least-once; the message id is the change id consumers de-duplicate on).
 */
public class SignalRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SignalRelay.class);

    private final Wakeup wakeup;
    private final SignalOutbox outbox;
    private final SignalRelayLease lease;
    private final ConfirmingPublisher publisher;
    private final int batchSize;

    SignalRelay(SignalOutbox outbox, SignalRelayLease lease, ConfirmingPublisher publisher, int batchSize) {
        this.outbox = outbox;
        this.lease = lease;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.wakeup = new Wakeup("signal-relay", this::relayPending);
    }

    /** A change committed to the outbox here: relayed at once, not at the next poll. */
    @EventListener
    void on(SignalOutbox.Appended appended) {
        wakeup.afterCommit();
    }

    /** Also the safety net for what no wakeup reaches (another instance's changes, one lost in a crash). */
    @Scheduled(fixedDelayString = "${jianhu.signal-relay.interval-ms:500}")
    public synchronized void relayPending() {
        try {
            int relayed;
            do {
                relayed = lease.take() ? relayBatch() : 0;
            } while (relayed == batchSize);
        } catch (PublishFailure | DataAccessException failed) {
            log.warn("signal changes not relayed, will retry: {}", failed.getMessage());
        }
    }

    private int relayBatch() {
        List<SignalOutbox.Pending> batch = outbox.nextUnpublished(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        for (SignalOutbox.Pending change : batch) {
            publisher.publish(change.routingKey(), propertiesOf(change), change.body());
        }
        publisher.awaitConfirms();
        outbox.markPublished(batch.stream().map(SignalOutbox.Pending::id).toList());
        return batch.size();
    }

    @Override
    public void destroy() {
        wakeup.close();
        try {
            lease.release();
        } catch (DataAccessException notReleased) {
            log.info("signal relay lease not released, it runs out by itself: {}", notReleased.getMessage());
        }
    }

    private static AMQP.BasicProperties propertiesOf(SignalOutbox.Pending change) {
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(change.id().toString())
                .type(RiskSignalChanged.class.getSimpleName())
                .headers(Map.of("jianhu-message-revision", RiskSignalChanged.REVISION))
                .build();
    }
}
