package org.jianhu.testsupport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A private, exclusive queue bound to a topic exchange, collecting whatever arrives: how a test
 * sees what a service put on the broker.
 */
public final class BoundQueue implements AutoCloseable {

    /** One message as received. */
    public record Delivery(String routingKey, AMQP.BasicProperties properties, byte[] body) {
    }

    private final Connection connection;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    private BoundQueue(Connection connection) {
        this.connection = connection;
    }

    public static BoundQueue bind(String exchange, String bindingKey) {
        try {
            Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("jianhu-test-queue");
            BoundQueue queue = new BoundQueue(connection);
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(exchange, "topic", true);
            String name = channel.queueDeclare().getQueue();
            channel.queueBind(name, exchange, bindingKey);
            DeliverCallback collect = (tag, delivery) -> queue.received.add(new Delivery(
                    delivery.getEnvelope().getRoutingKey(), delivery.getProperties(), delivery.getBody()));
            channel.basicConsume(name, true, collect, tag -> {
            });
            return queue;
        } catch (Exception failed) {
            throw new IllegalStateException("could not bind a test queue to " + exchange, failed);
        }
    }

    public List<Delivery> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
