package org.jianhu.alert.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How deliveries are sent and retried ({@code jianhu.delivery.*}): the n-th failed try waits
 * {@code firstBackoff × multiplier^(n-1)}, at most {@code maxBackoff}; after {@code maxAttempts} tries
 * the delivery is dead-lettered until someone re-sends it. {@code workers} send at once, at most
 * {@code perDestination} of them to one destination; a claimed delivery is the claimer's for {@code lease}.
 */
@ConfigurationProperties("jianhu.delivery")
public record DeliveryPolicy(@DefaultValue("10s") Duration firstBackoff, @DefaultValue("2") double multiplier,
                             @DefaultValue("1h") Duration maxBackoff, @DefaultValue("8") int maxAttempts,
                             @DefaultValue("5s") Duration timeout, @DefaultValue("1000") long pollIntervalMs,
                             @DefaultValue("20") int batchSize, @DefaultValue("alerts@jianhu.local") String mailFrom,
                             @DefaultValue("60s") Duration lease, @DefaultValue("8") int workers,
                             @DefaultValue("2") int perDestination) {

    /**
     * A try may take the timeout more than once (connecting, then each wait for an answer); a lease that ran out
     * while its try went on would let another instance send the same delivery again at once.
     */
    private static final int TIMEOUTS_A_TRY_MAY_TAKE = 3;

    public DeliveryPolicy {
        if (lease.compareTo(timeout.multipliedBy(TIMEOUTS_A_TRY_MAY_TAKE)) <= 0) {
            throw new IllegalArgumentException("jianhu.delivery.lease (" + lease + ") must be more than "
                    + TIMEOUTS_A_TRY_MAY_TAKE + " × jianhu.delivery.timeout (" + timeout + ")");
        }
        if (workers < 1 || perDestination < 1 || batchSize < 1) {
            throw new IllegalArgumentException("jianhu.delivery.workers, per-destination and batch-size must be "
                    + "at least 1");
        }
    }

    public Duration backoffAfter(int failedAttempts) {
        double millis = firstBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** Whether the try that just failed, the n-th of its round, was the last one. */
    boolean lastAttempt(int tries) {
        return tries >= maxAttempts;
    }
}
