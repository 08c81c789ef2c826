package org.jianhu.alert.breaker;

/**
 * Whether a destination is tried: {@code closed} as usual, {@code open} not at all (its deliveries wait and keep
 * their attempts), {@code probing} once, and that one try decides.
 */
public enum BreakerState {
    CLOSED, OPEN, PROBING;

    public String wireName() {
        return name().toLowerCase();
    }
}
