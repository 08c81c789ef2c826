package org.jianhu.servicesupport.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to one topic exchange on a channel of its own in confirm mode. {@link #awaitConfirms()}
 * returns only when the broker has taken everything published since the last call; any failure
 * drops the connection, so the next publish starts on a fresh one and the caller re-sends.
 * Used by one relay thread at a time. A relay's position moves only after {@link #awaitConfirms()}.
 */
public class ConfirmingPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConfirmingPublisher.class);

    private final ConnectionFactory connectionFactory;
    private final String exchange;
    private final String connectionName;
    private final long confirmTimeoutMillis;
    private Connection connection;
    private Channel channel;

    /** @param connectionName how the broker's management UI names this publisher's connection */
    public ConfirmingPublisher(ConnectionFactory connectionFactory, String exchange, String connectionName,
                               long confirmTimeoutMillis) {
        this.connectionFactory = connectionFactory;
        this.exchange = exchange;
        this.connectionName = connectionName;
        this.confirmTimeoutMillis = confirmTimeoutMillis;
    }

    public synchronized void publish(String routingKey, AMQP.BasicProperties properties, byte[] body) {
        try {
            openChannel().basicPublish(exchange, routingKey, properties, body);
        } catch (IOException | TimeoutException | RuntimeException failed) {
            disconnect();
            throw new PublishFailure("could not publish to " + exchange + ": " + failed.getMessage(), failed);
        }
    }

    public synchronized void awaitConfirms() {
        if (channel == null) {
            return;
        }
        try {
            channel.waitForConfirmsOrDie(confirmTimeoutMillis);
        } catch (IOException | TimeoutException | RuntimeException failed) {
            disconnect();
            throw new PublishFailure("broker did not confirm publishes to " + exchange + ": " + failed.getMessage(),
                    failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            disconnect();
            throw new PublishFailure("interrupted while waiting for confirms", interrupted);
        }
    }

    private Channel openChannel() throws IOException, TimeoutException {
        if (channel == null || !channel.isOpen()) {
            disconnect();
            connection = connectionFactory.newConnection(connectionName);
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.exchangeDeclare(exchange, "topic", true);
            log.info("{} connected to RabbitMQ, publishing to exchange {}", connectionName, exchange);
        }
        return channel;
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.abort(2_000);
            } catch (RuntimeException ignored) {
                // the connection is being thrown away either way
            }
        }
        connection = null;
        channel = null;
    }

    @Override
    public synchronized void destroy() {
        disconnect();
    }
}
