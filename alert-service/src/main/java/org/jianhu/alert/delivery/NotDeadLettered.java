package org.jianhu.alert.delivery;

/** A re-send asked for a delivery that is still being tried, or was taken. */
public class NotDeadLettered extends RuntimeException {

    public NotDeadLettered(String message) {
        super(message);
    }
}
