package org.jianhu.alert.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jianhu.alert.subscription.Channel;
import org.springframework.stereotype.Component;

/**
 * {@code jianhu.delivery.dead.lettered{channel}}: deliveries that gave up after their last try, per channel (the kind
 * of destination; never its URL or address, which would make a series per subscriber). Every channel's counter is
 * there from the start, at 0, so that an alert on its increase sees the first dead letter too.
 */
@Component
class DeadLetters {

    private final MeterRegistry meters;

    DeadLetters(MeterRegistry meters) {
        this.meters = meters;
        for (Channel channel : Channel.values()) {
            counter(channel.wireName());
        }
    }

    void counted(Delivery delivery) {
        counter(delivery.channel()).increment();
    }

    private Counter counter(String channel) {
        return Counter.builder("jianhu.delivery.dead.lettered").tag("channel", channel)
                .description("deliveries dead-lettered after their last try, waiting to be re-sent by hand")
                .register(meters);
    }
}
