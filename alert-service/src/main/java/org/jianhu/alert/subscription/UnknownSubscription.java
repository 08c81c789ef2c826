package org.jianhu.alert.subscription;

import java.util.UUID;

/** No such subscription, or not the caller's: either way the caller cannot see it. */
public class UnknownSubscription extends RuntimeException {

    public UnknownSubscription(UUID id) {
        this("no subscription " + id);
    }

    public UnknownSubscription(String message) {
        super(message);
    }
}
