package org.jianhu.alert.delivery;

/**
 * The target did not take the delivery; it is tried again later, or dead-lettered. The message is the category
 * the subscriber reads in the delivery log ("timeout", "HTTP 503", "refused by policy" …), never exception text.
 */
class DeliveryFailed extends RuntimeException {

    DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
