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

import java.util.Set;

/**
 * Supervision's durable queue of every project event, and the exchange its signal changes go to. The
 * queue is of the type {@code jianhu.amqp.queue-type} names: {@code classic} or {@code quorum} (replicated
 * over the cluster's nodes, for a broker that must survive losing one).
 */
@Configuration
class ProjectEventsQueue {

    static final String QUEUE_SUFFIX = ".supervision.project-events";
    private static final Set<String> QUEUE_TYPES = Set.of("classic", "quorum");

    @Bean
    Declarables supervisionBroker(@Value("${jianhu.amqp.prefix}") String prefix,
                                  @Value("${jianhu.amqp.queue-type:classic}") String queueType) {
        if (!QUEUE_TYPES.contains(queueType)) {
            throw new IllegalStateException("jianhu.amqp.queue-type (JIANHU_AMQP_QUEUE_TYPE) is classic or quorum, "
                    + "not '" + queueType + "'");
        }
        TopicExchange projectEvents = new TopicExchange(ProjectEventsExchange.name(prefix), true, false);
        Queue queue = QueueBuilder.durable(prefix + QUEUE_SUFFIX).withArgument("x-queue-type", queueType).build();
        return new Declarables(projectEvents, queue,
                BindingBuilder.bind(queue).to(projectEvents).with(ProjectEventsExchange.ROUTING_KEY_PREFIX + "#"),
                new TopicExchange(RiskSignalChanged.exchange(prefix), true, false));
    }
}
