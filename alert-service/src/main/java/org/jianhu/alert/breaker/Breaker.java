package org.jianhu.alert.breaker;

import java.time.Instant;

/**
 * One destination's circuit breaker, and how each outcome moves it: {@code failures} failed tries in a row open
 * it until {@code openUntil}; after that it is probing, and the one try then made decides: a success closes it,
 * a failure opens it again for longer. Any success closes it. Times are the database's clock.
 *
 * @param openings how often it opened in a row, which lengthens the next opening
 */
public record Breaker(int consecutiveFailures, int openings, Instant openUntil, String lastError) {

    /** A destination that has not failed since its last success. */
    public static final Breaker CLOSED = new Breaker(0, 0, null, null);

    public BreakerState state(Instant now) {
        if (openUntil == null) {
            return BreakerState.CLOSED;
        }
        return now.isBefore(openUntil) ? BreakerState.OPEN : BreakerState.PROBING;
    }

    public Breaker afterSuccess() {
        return CLOSED;
    }

    public Breaker afterFailure(String error, Instant now, BreakerPolicy policy) {
        int failures = consecutiveFailures + 1;
        return switch (state(now)) {
            case CLOSED -> failures < policy.failures() ? new Breaker(failures, 0, null, error)
                    : new Breaker(failures, 1, now.plus(policy.opening(1)), error);
            case PROBING -> new Breaker(failures, openings + 1, now.plus(policy.opening(openings + 1)), error);
            // a try that began before the breaker opened: it counts, and the opening stays as it is
            case OPEN -> new Breaker(failures, openings, openUntil, error);
        };
    }

    /** Whether this outcome opened the breaker (from closed, or again after a failed probe). */
    public boolean opened(Breaker before) {
        return openings > before.openings;
    }

    /** The breaker as the subscription shows it. */
    public DestinationState seenAt(Instant now) {
        return new DestinationState(state(now).wireName(), consecutiveFailures, openUntil, lastError);
    }
}
