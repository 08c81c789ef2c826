package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.Subscription;
import org.jianhu.alert.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.jianhu.alert.handling.AlertChanged;
import org.jianhu.servicesupport.wakeup.Wakeup;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works the delivery queue without a transaction open while anything is sent: claims as many due deliveries as
 * workers are free (a short transaction that leases them, see {@link Deliveries#claim}), sends each on a worker
 * outside any transaction, and records the outcome in another short one ({@link RecordingOutcomes}). A slow
 * destination holds at most its share of workers; the others keep flowing. A worker that dies mid-try leaves its
 * lease to run out, and the delivery is claimed again: at-least-once, the delivery id tells the receiver it has
 * seen one.
 */
@Service
class DeliveringAlerts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveringAlerts.class);

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final Map<String, Sending> channels;
    private final RecordingOutcomes outcomes;
    private final DeliveryPolicy policy;
    private final TransactionTemplate transaction;
    private final DeliveryWorkers workers;
    private final Wakeup wakeup;
    /** This instance, in the name of each of its claims ("pid@host"). */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    DeliveringAlerts(Deliveries deliveries, Subscriptions subscriptions, List<Sending> channels,
                     RecordingOutcomes outcomes, DeliveryPolicy policy, TransactionTemplate transaction) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.channels = channels.stream().collect(Collectors.toMap(Sending::channel, Function.identity()));
        this.outcomes = outcomes;
        this.policy = policy;
        this.transaction = transaction;
        this.workers = new DeliveryWorkers(policy.workers());
        this.wakeup = new Wakeup("alert-delivery", this::deliverDue);
    }

    /** A change stored here that subscribers are told about: its deliveries start once it commits. */
    @EventListener
    void on(AlertChanged changed) {
        if (changed.worthTelling()) {
            wakeup.afterCommit();
        }
    }

    /** Also the safety net for what no wakeup reaches: retries coming due, another instance's changes. */
    @Scheduled(fixedDelayString = "${jianhu.delivery.poll-interval-ms:1000}")
    synchronized void deliverDue() {
        int asked;
        List<Delivery> claimed;
        do {
            asked = Math.min(workers.free(), policy.batchSize());
            if (asked == 0) {
                return;
            }
            String lease = instance + "/" + UUID.randomUUID();
            int capacity = asked;
            claimed = transaction.execute(status -> deliveries.claim(capacity, policy.perDestination(),
                    policy.lease(), lease));
            claimed.forEach(delivery -> workers.start(() -> deliver(delivery, lease)));
        } while (claimed.size() == asked);
    }

    private void deliver(Delivery delivery, String lease) {
        try {
            Subscription subscription = delivery.subscriptionId() == null ? null
                    : subscriptions.find(delivery.subscriptionId()).orElse(null);
            if (delivery.subscriptionId() != null && subscription == null) {
                return; // unsubscribed since the claim: its deliveries went with it
            }
            try {
                outcomes.delivered(delivery, lease, send(delivery, subscription));
            } catch (DeliveryFailed failed) {
                outcomes.failed(delivery, lease, failed.getMessage());
            }
        } catch (RuntimeException unrecorded) {
            // the database, most likely: the lease runs out and the delivery is claimed and tried again
            log.error("outcome of delivery {} of alert {} not recorded", delivery.id(), delivery.alertId(), unrecorded);
        }
    }

    private String send(Delivery delivery, Subscription subscription) {
        try {
            return channels.get(delivery.channel()).send(delivery, subscription);
        } catch (DeliveryFailed failed) {
            throw failed;
        } catch (RuntimeException unexpected) {
            // what it was is the operator's to read in the log, not the subscriber's in the delivery log
            log.error("delivery {} of alert {} failed unexpectedly", delivery.id(), delivery.alertId(), unexpected);
            throw new DeliveryFailed("failed in the alert service", unexpected);
        }
    }

    /** The sends under way may finish (each is bounded by the timeout) and record what they did. */
    @Override
    public void destroy() throws InterruptedException {
        wakeup.close();
        workers.close(policy.timeout().multipliedBy(2));
    }
}
