package org.jianhu.alert.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jianhu.alert.breaker.Breaker;
import org.jianhu.alert.breaker.BreakerPolicy;
import org.jianhu.alert.breaker.Breakers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Stores a try's outcome in one short transaction, and moves its destination's breaker with it. Only while the
 * lease the try was sent under is still on the row: otherwise it ran out and another claim has the delivery, and
 * that one's outcome counts (the receiver may have it twice; the delivery id lets it drop the repeat).
 */
@Component
class RecordingOutcomes {

    private static final Logger log = LoggerFactory.getLogger(RecordingOutcomes.class);

    private final Deliveries deliveries;
    private final Breakers breakers;
    private final DeliveryPolicy policy;
    private final BreakerPolicy breakerPolicy;
    private final TransactionTemplate transaction;
    private final Counter openings;
    private final DeadLetters deadLetters;

    RecordingOutcomes(Deliveries deliveries, Breakers breakers, DeliveryPolicy policy, BreakerPolicy breakerPolicy,
                      TransactionTemplate transaction, MeterRegistry meters, DeadLetters deadLetters) {
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.breakers = breakers;
        this.policy = policy;
        this.breakerPolicy = breakerPolicy;
        this.transaction = transaction;
        this.openings = Counter.builder("jianhu.delivery.breaker.openings")
                .description("times a destination's breaker opened, from closed or after a failed probe")
                .register(meters);
    }

    void delivered(Delivery delivery, String lease, String detail) {
        record(delivery, lease, (breaker, now) -> breaker.afterSuccess(),
                () -> deliveries.delivered(delivery.id(), lease, detail));
    }

    void failed(Delivery delivery, String lease, String error) {
        int tries = delivery.attempts() + 1;
        boolean last = policy.lastAttempt(tries);
        boolean stored = record(delivery, lease, (breaker, now) -> breaker.afterFailure(error, now, breakerPolicy),
                () -> last ? deliveries.deadLettered(delivery.id(), lease, error)
                        : deliveries.failed(delivery.id(), lease, error, policy.backoffAfter(tries)));
        if (stored && last) {
            deadLetters.counted(delivery);
            log.warn("delivery {} of alert {} dead-lettered after {} tries: {}", delivery.id(), delivery.alertId(),
                    tries, error);
        }
    }

    /** @return whether it was stored: not if the lease had gone to another claim, or the subscription went */
    private boolean record(Delivery delivery, String lease, BiFunction<Breaker, Instant, Breaker> move,
                           BooleanSupplier store) {
        boolean stored;
        try {
            stored = Boolean.TRUE.equals(transaction.execute(status -> {
                if (stored(delivery, move, store)) {
                    return true;
                }
                status.setRollbackOnly();
                return false;
            }));
        } catch (DataIntegrityViolationException unsubscribed) {
            stored = false; // its breaker could not be kept: the subscription went, its deliveries with it
        }
        if (!stored) {
            log.info("outcome of delivery {} not stored: claimed again since, or unsubscribed", delivery.id());
        }
        return stored;
    }

    /**
     * The breaker is locked before the delivery row, as every outcome does: outcomes of one destination then count
     * one after the other, and a subscription deleted meanwhile waits for the outcome or goes before it.
     */
    private boolean stored(Delivery delivery, BiFunction<Breaker, Instant, Breaker> move, BooleanSupplier store) {
        Breakers.AtTime before = breakers.lock(delivery.subscriptionId());
        if (!store.getAsBoolean()) {
            return false;
        }
        Breaker after = move.apply(before.breaker(), before.now());
        if (!after.equals(before.breaker())) {
            breakers.store(delivery.subscriptionId(), after);
        }
        if (after.opened(before.breaker())) {
            openings.increment();
            log.warn("breaker of {} open until {} after {} failed tries in a row, the last: {}",
                    delivery.subscriptionId() == null ? "the alerts exchange" : "subscription "
                            + delivery.subscriptionId(), after.openUntil(), after.consecutiveFailures(),
                    after.lastError());
        }
        return true;
    }
}
