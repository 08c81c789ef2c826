package org.jianhu.alert.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import org.jianhu.testsupport.Infrastructure;

import java.io.IOException;
import java.util.Map;

/**
 * What type a queue has on the broker, asked without the management API: redeclaring a queue with another
 * {@code x-queue-type} than it has is refused with PRECONDITION_FAILED (406), which closes the channel.
 */
public final class QueueTypes {

    private static final int PRECONDITION_FAILED = 406;

    private QueueTypes() {
    }

    /** @return whether the broker takes the durable queue redeclared as {@code type}; false when it has another */
    public static boolean redeclaresAs(String queue, String type) throws Exception {
        try (Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("jianhu-test-queue-type")) {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", type));
                return true;
            } catch (IOException refused) {
                if (refused.getCause() instanceof ShutdownSignalException closed
                        && closed.getReason() instanceof AMQP.Channel.Close close
                        && close.getReplyCode() == PRECONDITION_FAILED) {
                    return false;
                }
                throw refused;
            }
        }
    }
}
