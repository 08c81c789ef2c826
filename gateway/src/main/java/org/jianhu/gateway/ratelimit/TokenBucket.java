package org.jianhu.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;

/** Holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes one. */
final class TokenBucket {

    private final double perSecond;
    private final int burst;
    private double tokens;
    private Instant refilledAt;

    TokenBucket(double perSecond, int burst, Instant now) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Empty when the request may pass, else how long until a token is back. */
    synchronized Duration take(Instant now) {
        double elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos() / 1e9);
        tokens = Math.min(burst, tokens + elapsed * perSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
    }
}
