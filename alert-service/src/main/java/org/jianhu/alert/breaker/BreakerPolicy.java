package org.jianhu.alert.breaker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When a destination's breaker opens and for how long ({@code jianhu.delivery.breaker.*}): after {@code failures}
 * failed tries in a row it opens for {@code openFor}; each opening in a row, after a failed probe, lasts
 * {@code multiplier} times the one before, at most {@code maxOpenFor}.
 */
@ConfigurationProperties("jianhu.delivery.breaker")
public record BreakerPolicy(@DefaultValue("5") int failures, @DefaultValue("30s") Duration openFor,
                            @DefaultValue("2") double multiplier, @DefaultValue("10m") Duration maxOpenFor) {

    public BreakerPolicy {
        if (failures < 1) {
            throw new IllegalArgumentException("jianhu.delivery.breaker.failures must be at least 1, not " + failures);
        }
    }

    /** How long the n-th opening in a row lasts (n from 1). */
    Duration opening(int nth) {
        double millis = openFor.toMillis() * Math.pow(multiplier, Math.max(0, nth - 1));
        return millis >= maxOpenFor.toMillis() ? maxOpenFor : Duration.ofMillis((long) millis);
    }
}
