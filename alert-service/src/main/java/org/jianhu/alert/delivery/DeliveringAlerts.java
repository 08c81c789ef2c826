package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.Subscription;
import org.jianhu.alert.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works the delivery queue: each due delivery is tried while its row is locked (SKIP LOCKED shares the
 * work between instances), and the outcome is stored with it. A crash mid-try leaves it pending, so it
 * is tried again: at-least-once, and the delivery id tells the receiver it has seen it.
 */
@Service
class DeliveringAlerts {

    private static final Logger log = LoggerFactory.getLogger(DeliveringAlerts.class);

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final Map<String, Sending> channels;
    private final DeliveryPolicy policy;
    private final TransactionTemplate transaction;

    DeliveringAlerts(Deliveries deliveries, Subscriptions subscriptions, List<Sending> channels, DeliveryPolicy policy,
                     TransactionTemplate transaction) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.channels = channels.stream().collect(Collectors.toMap(Sending::channel, Function.identity()));
        this.policy = policy;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${jianhu.delivery.poll-interval-ms:1000}")
    void deliverDue() {
        Integer tried;
        do {
            tried = transaction.execute(status -> deliverBatch());
        } while (tried != null && tried == policy.batchSize());
    }

    private int deliverBatch() {
        List<Delivery> due = deliveries.lockDue(policy.batchSize());
        for (Delivery delivery : due) {
            Subscription subscription = delivery.subscriptionId() == null ? null
                    : subscriptions.find(delivery.subscriptionId()).orElse(null);
            try {
                deliveries.delivered(delivery.id(), send(delivery, subscription));
            } catch (DeliveryFailed failed) {
                int tries = delivery.attempts() + 1;
                if (tries >= policy.maxAttempts()) {
                    deliveries.deadLettered(delivery.id(), failed.getMessage());
                    log.warn("delivery {} of alert {} dead-lettered after {} tries: {}", delivery.id(),
                            delivery.alertId(), tries, failed.getMessage());
                } else {
                    deliveries.failed(delivery.id(), failed.getMessage(), policy.backoffAfter(tries));
                }
            }
        }
        return due.size();
    }

    private String send(Delivery delivery, Subscription subscription) {
        try {
            return channels.get(delivery.channel()).send(delivery, subscription);
        } catch (DeliveryFailed failed) {
            throw failed;
        } catch (RuntimeException unexpected) {
            // one target's trouble must not roll back the outcomes of the others in the batch; what it was is
            // the operator's to read in the log, not the subscriber's in the delivery log
            log.error("delivery {} of alert {} failed unexpectedly", delivery.id(), delivery.alertId(), unexpected);
            throw new DeliveryFailed("failed in the alert service", unexpected);
        }
    }
}
