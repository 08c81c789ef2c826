package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.Subscription;

/** One channel's way of handing a delivery over; throws {@link DeliveryFailed} when it was not taken. */
interface Sending {

    String channel();

    /** @return what the receiver answered, for the record of tries */
    String send(Delivery delivery, Subscription subscription);
}
