package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.AlertRouting;
import org.jianhu.alert.subscription.Channel;
import org.jianhu.alert.subscription.Subscription;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Publishes the notice, persistent, to {@code <prefix>.alerts}, and counts it sent only when the broker
 * confirms it (so a broker outage retries). Subscriber queues bound there keep it until their client reads.
 */
@Component
class ExchangeSending implements Sending {

    private final RabbitTemplate rabbit;
    private final String exchange;
    private final DeliveryPolicy policy;

    ExchangeSending(RabbitTemplate rabbit, @Value("${jianhu.amqp.prefix}") String prefix, DeliveryPolicy policy) {
        this.rabbit = rabbit;
        this.exchange = AlertRouting.exchange(prefix);
        this.policy = policy;
    }

    @Override
    public String channel() {
        return Channel.QUEUE.wireName();
    }

    @Override
    public String send(Delivery delivery, Subscription none) {
        Message message = MessageBuilder.withBody(delivery.payload().getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json").setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(delivery.id().toString()).setType("AlertNotice").build();
        try {
            rabbit.invoke(operations -> {
                operations.send(exchange, delivery.routingKey(), message);
                operations.waitForConfirmsOrDie(policy.timeout().toMillis());
                return null;
            });
        } catch (AmqpException refused) {
            throw new DeliveryFailed("not confirmed by the broker", refused);
        }
        return "published as " + delivery.routingKey();
    }
}
