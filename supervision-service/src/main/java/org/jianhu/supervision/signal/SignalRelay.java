package org.jianhu.supervision.signal;

import org.jianhu.servicesupport.messaging.ConfirmingPublisher;
import org.jianhu.servicesupport.messaging.PublishFailure;

import com.rabbitmq.client.AMQP;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

/**
 * Publishes the outbox to the risk-signals exchange. A batch is marked published in the
 * transaction that locked it, and only after the broker confirmed it: a crash or an outage
 * re-sends (at-least-once; the message id is the change id consumers de-duplicate on).
 */
public class SignalRelay {

    private static final Logger log = LoggerFactory.getLogger(SignalRelay.class);

    private final SignalOutbox outbox;
    private final ConfirmingPublisher publisher;
    private final TransactionTemplate transaction;
    private final int batchSize;

    public SignalRelay(SignalOutbox outbox, ConfirmingPublisher publisher, TransactionTemplate transaction,
                       int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transaction = transaction;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${jianhu.signal-relay.interval-ms:500}")
    public void relayPending() {
        try {
            Integer relayed;
            do {
                relayed = transaction.execute(status -> relayBatch());
            } while (relayed != null && relayed == batchSize);
        } catch (PublishFailure failed) {
            log.warn("signal changes not relayed, will retry: {}", failed.getMessage());
        }
    }

    private int relayBatch() {
        List<SignalOutbox.Pending> batch = outbox.lockNextUnpublished(batchSize);
        for (SignalOutbox.Pending change : batch) {
            publisher.publish(change.routingKey(), propertiesOf(change), change.body());
        }
        publisher.awaitConfirms();
        if (!batch.isEmpty()) {
            outbox.markPublished(batch.stream().map(SignalOutbox.Pending::id).toList());
        }
        return batch.size();
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
