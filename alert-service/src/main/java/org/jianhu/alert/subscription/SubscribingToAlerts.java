package org.jianhu.alert.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.Level;
import org.jianhu.alert.lifecycle.NotPermitted;
import org.jianhu.alert.lifecycle.Role;
import org.jianhu.servicesupport.input.InputPolicy;
import org.jianhu.servicesupport.input.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A supervisor subscribes to more alerts than their own projects', and ends a subscription. */
@Service
public class SubscribingToAlerts {

    /** What a supervisor asks for; which of url, secret and address are needed depends on the channel. */
    @Schema(name = "SubscriptionRequest")
    public record Request(String region, String project, String level, String rule,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String channel, String url,
                          String secret, String address) {
    }

    private final Subscriptions subscriptions;
    private final SubscriberQueues queues;
    private final WebhookDestinations destinations;
    private final Clock clock;

    SubscribingToAlerts(Subscriptions subscriptions, SubscriberQueues queues, WebhookDestinations destinations,
                        Clock clock) {
        this.subscriptions = subscriptions;
        this.destinations = destinations;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * The queue of a queue-subscription is declared in the transaction: if the broker refuses, nothing is stored.
     * What a subscription sends must stay within what its supervisor may read, so it is bound to their region.
     */
    @Transactional
    public Subscription subscribe(Actor actor, Request request) {
        supervisorOnly(actor);
        String region = blankToNull(request.region());
        if (actor.region() == null || region != null && !region.equals(actor.region())) {
            throw new NotPermitted("a supervisor subscribes to the alerts of their own region only ("
                    + (actor.region() == null ? "none is known" : actor.region()) + ")");
        }
        Channel channel = Channel.of(request.channel());
        InvalidInput.refuseIf("project", request.project() == null ? Optional.empty()
                : InputPolicy.identifier("project", request.project()));
        InvalidInput.refuseIf("rule", request.rule() == null ? Optional.empty() : InputPolicy.identifier("rule", request.rule()));
        String level = request.level() == null ? null : Level.of(request.level()).name();
        if (channel == Channel.WEBHOOK) {
            required(request.url(), "url");
            InvalidInput.refuseIf("url", request.url().length() > 2_000 ? Optional.of("url must be at most 2000 characters")
                    : destinations.refusal(request.url(), WebhookDestinations::dns));
            required(request.secret(), "secret");
            InvalidInput.refuseIf("secret", InputPolicy.name("secret", request.secret()));
        }
        if (channel == Channel.MAIL) {
            InvalidInput.refuseIf("address", MailAddresses.fault(request.address()));
        }
        UUID id = UUID.randomUUID();
        Subscription subscription = new Subscription(id, actor.user(), actor.region(),
                blankToNull(request.project()), level, blankToNull(request.rule()), channel.wireName(),
                channel == Channel.WEBHOOK ? request.url() : null, channel == Channel.WEBHOOK ? request.secret() : null,
                channel == Channel.MAIL ? request.address() : null, null, clock.instant());
        subscriptions.insert(subscription);
        if (channel == Channel.QUEUE) {
            queues.declare(subscription);
        }
        return subscriptions.find(id).orElseThrow();
    }

    public List<Subscription> of(Actor actor) {
        supervisorOnly(actor);
        return subscriptions.of(actor.user());
    }

    /** Only its supervisor's; pending deliveries go with it, so does its queue and what waits there. */
    @Transactional
    public void unsubscribe(Actor actor, UUID id) {
        Subscription subscription = mine(actor, id);
        subscriptions.delete(id);
        if (Channel.QUEUE.wireName().equals(subscription.channel())) {
            queues.delete(subscription);
        }
    }

    /** Another's subscription is as unknown as one that does not exist: ids reveal nothing of other users. */
    public Subscription mine(Actor actor, UUID id) {
        supervisorOnly(actor);
        return subscriptions.find(id).filter(subscription -> subscription.supervisor().equals(actor.user()))
                .orElseThrow(() -> new UnknownSubscription(id));
    }

    private static void supervisorOnly(Actor actor) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new NotPermitted("only a supervisor subscribes to alerts, not a " + actor.role().wireName());
        }
    }

    private static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name, "a webhook subscription names a " + name);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
