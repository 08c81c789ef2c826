package org.jianhu.alert.subscription;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jianhu.alert.lifecycle.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A supervisor's subscriptions: to more alerts than their own projects', by webhook, mail or queue. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private final SubscribingToAlerts subscribing;

    SubscriptionController(SubscribingToAlerts subscribing) {
        this.subscribing = subscribing;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "the subscription, never its secret, at its Location")
    ResponseEntity<Subscription> subscribe(Actor actor, @RequestBody SubscriptionRequest request) {
        Subscription subscription = subscribing.subscribe(actor, request);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id())).body(subscription);
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "the caller's subscriptions, each with the state of its "
            + "destination's breaker (closed, open or probing)")
    List<Subscription> mine(Actor actor) {
        return subscribing.of(actor);
    }

    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "the subscription, with the state of its destination's breaker: "
            + "while open its deliveries wait, untried, until one probe may go")
    @ApiResponse(responseCode = "404", description = "no subscription of the caller's with this id")
    Subscription one(Actor actor, @PathVariable UUID id) {
        return subscribing.one(actor, id);
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "gone, with its pending deliveries and its queue")
    ResponseEntity<Void> unsubscribe(Actor actor, @PathVariable UUID id) {
        subscribing.unsubscribe(actor, id);
        return ResponseEntity.noContent().build();
    }
}
