package org.jianhu.alert.delivery;

import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.subscription.SubscribingToAlerts;
import org.jianhu.alert.subscription.UnknownSubscription;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** A subscription's deliveries with every try, and re-sending one that was dead-lettered. */
@RestController
@RequestMapping("/api/subscriptions/{subscriptionId}/deliveries")
class DeliveryController {

    private final SubscribingToAlerts subscribing;
    private final Deliveries deliveries;

    DeliveryController(SubscribingToAlerts subscribing, Deliveries deliveries) {
        this.subscribing = subscribing;
        this.deliveries = deliveries;
    }

    @GetMapping
    List<Delivery> list(Actor actor, @PathVariable UUID subscriptionId) {
        subscribing.mine(actor, subscriptionId);
        return deliveries.of(subscriptionId);
    }

    @PostMapping("/{deliveryId}/resend")
    @Transactional
    Delivery resend(Actor actor, @PathVariable UUID subscriptionId, @PathVariable UUID deliveryId) {
        subscribing.mine(actor, subscriptionId);
        Delivery delivery = deliveries.find(subscriptionId, deliveryId)
                .orElseThrow(() -> new UnknownSubscription("no delivery " + deliveryId + " of subscription "
                        + subscriptionId));
        if (!deliveries.resend(subscriptionId, deliveryId)) {
            throw new NotDeadLettered("only a dead-lettered delivery is re-sent; this one is " + delivery.status());
        }
        return deliveries.find(subscriptionId, deliveryId).orElseThrow();
    }
}
