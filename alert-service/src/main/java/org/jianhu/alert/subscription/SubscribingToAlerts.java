package org.jianhu.alert.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.Level;
import org.jianhu.alert.lifecycle.NotPermitted;
import org.jianhu.alert.lifecycle.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.List;
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
    private final Clock clock;

    SubscribingToAlerts(Subscriptions subscriptions, SubscriberQueues queues, Clock clock) {
        this.subscriptions = subscriptions;
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
        String level = request.level() == null ? null : Level.of(request.level()).name();
        if (channel == Channel.WEBHOOK) {
            webhookUrl(request.url());
            required(request.secret(), "secret");
        }
        if (channel == Channel.MAIL && (request.address() == null || !request.address().contains("@"))) {
            throw new IllegalArgumentException("a mail subscription names an address");
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

    private static void webhookUrl(String url) {
        required(url, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("url is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an http(s) URL");
        }
    }

    private static void required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a webhook subscription names a " + name);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
