package org.jianhu.alert.delivery;

/** The target did not take the delivery; it is tried again later, or dead-lettered. */
class DeliveryFailed extends RuntimeException {

    DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
