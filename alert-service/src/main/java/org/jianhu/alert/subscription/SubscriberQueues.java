package org.jianhu.alert.subscription;

import org.jianhu.alert.amqp.DurableQueues;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A durable queue per queue-subscription, bound to the alerts exchange by the subscription's filter. */
@Component
class SubscriberQueues {

    private final AmqpAdmin admin;
    private final DurableQueues queues;
    private final String prefix;

    SubscriberQueues(AmqpAdmin admin, DurableQueues queues, @Value("${jianhu.amqp.prefix}") String prefix) {
        this.admin = admin;
        this.queues = queues;
        this.prefix = prefix;
    }

    void declare(Subscription subscription) {
        String queue = AlertRouting.queue(prefix, subscription.id());
        admin.declareExchange(new TopicExchange(AlertRouting.exchange(prefix), true, false));
        admin.declareQueue(queues.durable(queue));
        for (String key : AlertRouting.bindingKeys(subscription.level(), subscription.region(), subscription.rule(),
                subscription.project())) {
            admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, AlertRouting.exchange(prefix), key,
                    null));
        }
    }

    void delete(Subscription subscription) {
        admin.deleteQueue(AlertRouting.queue(prefix, subscription.id()));
    }
}
