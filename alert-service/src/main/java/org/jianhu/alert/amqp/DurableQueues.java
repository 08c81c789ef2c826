package org.jianhu.alert.amqp;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The durable queues this service declares, of the type {@code jianhu.amqp.queue-type} names: {@code classic}
 * (declared without {@code x-queue-type}, as before there was a choice) or {@code quorum} (replicated, for a
 * broker cluster). The broker refuses to redeclare a queue as another type: changing it means a new queue.
 */
@Component
public class DurableQueues {

    private final boolean quorum;

    DurableQueues(@Value("${jianhu.amqp.queue-type:classic}") String type) {
        if (!type.equals("classic") && !type.equals("quorum")) {
            throw new IllegalStateException("jianhu.amqp.queue-type (JIANHU_AMQP_QUEUE_TYPE) is classic or quorum, not "
                    + type);
        }
        this.quorum = type.equals("quorum");
    }

    public Queue durable(String name) {
        QueueBuilder queue = QueueBuilder.durable(name);
        return (quorum ? queue.quorum() : queue).build();
    }
}
