package org.jianhu.project.integrity.publishing;

import com.rabbitmq.client.AMQP;
import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.project.integrity.checkpoint.StoredCheckpoint;
import org.jianhu.servicesupport.messaging.ConfirmingPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Publishes each signed checkpoint on {@link CheckpointExchange}, in size order, and marks it published only once
 * the broker has confirmed it: a broker outage delays checkpoints on the exchange, it loses none.
 *
 * <p>Reading the pending ones and marking them are statements of their own, and nothing here may run inside a
 * transaction: one held open while the broker takes its time to confirm would hold back every reader of the event
 * store (they wait behind this database's open transactions; event-store README). Several instances may publish
 * the same checkpoint; a witness ignores repeats.
 */
public class PublishingCheckpoints implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublishingCheckpoints.class);
    private static final int BATCH = 100;

    private final Checkpoints checkpoints;
    private final ConfirmingPublisher publisher;
    private final String origin;

    public PublishingCheckpoints(Checkpoints checkpoints, ConfirmingPublisher publisher, String origin) {
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.origin = origin;
    }

    /** One scheduled run ({@code jianhu.integrity.publish-interval}): failures wait for the next. */
    public void publishOnSchedule() {
        try {
            publishPending();
        } catch (RuntimeException failed) {
            log.warn("checkpoints not published this time: {}", failed.getMessage());
        }
    }

    /** Publishes what is not yet confirmed; answers how many were. */
    public int publishPending() {
        Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(),
                "checkpoints are published with no transaction open: the broker's confirms may take long");
        List<StoredCheckpoint> pending = checkpoints.unpublished(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        for (StoredCheckpoint checkpoint : pending) {
            publisher.publish(CheckpointExchange.ROUTING_KEY, properties(checkpoint),
                    checkpoint.note().getBytes(StandardCharsets.UTF_8));
        }
        publisher.awaitConfirms();
        checkpoints.markPublished(pending);
        return pending.size();
    }

    @Override
    public void destroy() {
        publisher.destroy();
    }

    private AMQP.BasicProperties properties(StoredCheckpoint checkpoint) {
        return new AMQP.BasicProperties.Builder()
                .contentType("text/plain")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(origin + "/" + checkpoint.size())
                .timestamp(Date.from(checkpoint.signedAt()))
                .headers(Map.of(CheckpointExchange.HEADER_TREE_SIZE, checkpoint.size()))
                .build();
    }
}
