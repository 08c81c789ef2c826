package org.jianhu.alert.signal;

import org.jianhu.alert.amqp.DurableQueues;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alert service's durable queue of every signal change. */
@Configuration
class RiskSignalsQueue {

    static final String QUEUE_SUFFIX = ".alerts.risk-signals";

    @Bean
    Declarables alertBroker(@Value("${jianhu.amqp.prefix}") String prefix, DurableQueues queues) {
        TopicExchange riskSignals = new TopicExchange(RiskSignalChanged.exchange(prefix), true, false);
        Queue queue = queues.durable(prefix + QUEUE_SUFFIX);
        return new Declarables(riskSignals, queue, BindingBuilder.bind(queue).to(riskSignals).with("signal.#"));
    }
}
