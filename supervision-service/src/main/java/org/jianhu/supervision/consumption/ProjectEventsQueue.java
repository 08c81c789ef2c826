package org.jianhu.supervision.consumption;

import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supervision's durable queue of every project event, and the exchange its signal changes go to. */
@Configuration
class ProjectEventsQueue {

    static final String QUEUE_SUFFIX = ".supervision.project-events";

    @Bean
    Declarables supervisionBroker(@Value("${jianhu.amqp.prefix}") String prefix) {
        TopicExchange projectEvents = new TopicExchange(ProjectEventsExchange.name(prefix), true, false);
        Queue queue = QueueBuilder.durable(prefix + QUEUE_SUFFIX).build();
        return new Declarables(projectEvents, queue,
                BindingBuilder.bind(queue).to(projectEvents).with(ProjectEventsExchange.ROUTING_KEY_PREFIX + "#"),
                new TopicExchange(RiskSignalChanged.exchange(prefix), true, false));
    }
}
