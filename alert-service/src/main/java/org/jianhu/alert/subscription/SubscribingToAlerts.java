package org.jianhu.alert.subscription;

import org.jianhu.alert.breaker.Breakers;
import org.jianhu.alert.breaker.DestinationState;
import org.jianhu.alert.destination.Destinations;
import org.jianhu.alert.destination.WebhookSettings;
import org.jianhu.alert.handling.Alerts;
import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.NotPermitted;
import org.jianhu.alert.lifecycle.ProjectScope;
import org.jianhu.alert.lifecycle.Role;
import org.jianhu.servicesupport.input.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A supervisor subscribes to more alerts than their own projects', and ends a subscription. */
@Service
public class SubscribingToAlerts {

    private final Subscriptions subscriptions;
    private final SubscriberQueues queues;
    private final Destinations destinations;
    private final WebhookSettings webhooks;
    private final Alerts alerts;
    private final Breakers breakers;
    private final Clock clock;

    SubscribingToAlerts(Subscriptions subscriptions, SubscriberQueues queues, Destinations destinations,
                        WebhookSettings webhooks, Alerts alerts, Breakers breakers, Clock clock) {
        this.subscriptions = subscriptions;
        this.queues = queues;
        this.destinations = destinations;
        this.webhooks = webhooks;
        this.alerts = alerts;
        this.breakers = breakers;
        this.clock = clock;
    }

    /**
     * The queue of a queue-subscription is declared in the transaction: if the broker refuses, nothing is stored.
     * What a subscription sends must stay within what its supervisor may read, so it is bound to their region
     * (and follows, besides, the projects that name them: see {@code AlertScope.SUBSCRIPTION_MATCHES}).
     */
    @Transactional
    public Subscription subscribe(Actor actor, SubscriptionRequest request) {
        supervisorOnly(actor);
        Channel channel = request.checkedChannel();
        String region = request.regionOrNull();
        if (actor.region() == null || region != null && !region.equals(actor.region())) {
            throw new NotPermitted("a supervisor subscribes to the alerts of their own region only ("
                    + (actor.region() == null ? "none is known" : actor.region()) + ")");
        }
        if (channel.sentToUrl()) {
            InvalidInput.refuseIf("url", destinations.refusal(request.url(), channel.requiredHosts(webhooks)));
        }
        String project = request.projectOrNull();
        followable(actor, channel, project);
        UUID id = UUID.randomUUID();
        Subscription subscription = new Subscription(id, actor.user(), actor.region(), project,
                request.minimumLevel(), request.ruleOrNull(), channel.wireName(),
                channel.sentToUrl() ? request.url() : null, channel.signed() ? request.secret() : null,
                channel == Channel.MAIL ? request.address() : null, null, clock.instant(), null);
        subscriptions.insert(subscription);
        if (channel == Channel.QUEUE) {
            queues.declare(subscription);
        }
        return withDestinations(List.of(subscriptions.find(id).orElseThrow())).get(0);
    }

    public List<Subscription> of(Actor actor) {
        supervisorOnly(actor);
        return withDestinations(subscriptions.of(actor.user()));
    }

    /** One of the supervisor's own, with its destination's state. */
    public Subscription one(Actor actor, UUID id) {
        return withDestinations(List.of(mine(actor, id))).get(0);
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

    /**
     * A subscription to a project known here to lie outside the supervisor's region would match nothing and
     * deliver nothing, silently: it is taken only from a supervisor the project names (pushed channels ask at
     * each delivery who is named), and refused at once otherwise. A queue is bound to the region once and for
     * all, so it cannot follow such a project. A project not described here yet is taken as in the region.
     */
    private void followable(Actor actor, Channel channel, String project) {
        if (project == null) {
            return;
        }
        List<ProjectScope> known = alerts.scopesOfProject(project).stream().filter(scope -> scope.region() != null)
                .toList();
        if (known.isEmpty() || known.stream().anyMatch(scope -> scope.region().equals(actor.region()))) {
            return;
        }
        String outside = "project " + project + " is outside your region (" + actor.region() + ")";
        if (known.stream().noneMatch(scope -> scope.names(actor.user()))) {
            throw new NotPermitted(outside + " and does not name you among its supervisors, so its alerts are not "
                    + "yours to follow");
        }
        if (channel == Channel.QUEUE) {
            throw new NotPermitted(outside + ": a queue carries only your region's alerts; follow the project you "
                    + "supervise by webhook, mail or a group robot instead");
        }
    }

    /** Each with the breaker of where its deliveries go. */
    private List<Subscription> withDestinations(List<Subscription> found) {
        Map<UUID, DestinationState> states = breakers.statesOf(found.stream().map(Subscription::deliveredTo).toList());
        return found.stream().map(subscription -> subscription.with(states.get(subscription.deliveredTo()))).toList();
    }

    private static void supervisorOnly(Actor actor) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new NotPermitted("only a supervisor subscribes to alerts, not a " + actor.role().wireName());
        }
    }
}
