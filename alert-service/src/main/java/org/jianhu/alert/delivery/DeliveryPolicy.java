package org.jianhu.alert.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How deliveries are retried ({@code jianhu.delivery.*}): the n-th failed try waits
 * {@code firstBackoff × multiplier^(n-1)}, at most {@code maxBackoff}; after {@code maxAttempts} tries
 * the delivery is dead-lettered until someone re-sends it.
 */
@ConfigurationProperties("jianhu.delivery")
public record DeliveryPolicy(@DefaultValue("10s") Duration firstBackoff, @DefaultValue("2") double multiplier,
                             @DefaultValue("1h") Duration maxBackoff, @DefaultValue("8") int maxAttempts,
                             @DefaultValue("5s") Duration timeout, @DefaultValue("1000") long pollIntervalMs,
                             @DefaultValue("20") int batchSize, @DefaultValue("alerts@jianhu.local") String mailFrom) {

    public Duration backoffAfter(int failedAttempts) {
        double millis = firstBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
