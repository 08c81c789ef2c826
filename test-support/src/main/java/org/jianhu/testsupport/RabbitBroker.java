package org.jianhu.testsupport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.testcontainers.containers.RabbitMQContainer;

/** A RabbitMQ broker; test classes keep apart by the names of their exchanges and queues. */
public final class RabbitBroker {

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private RabbitBroker(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    static RabbitBroker locate() {
        RabbitBroker configured = new RabbitBroker(
                Infrastructure.setting("jianhu.test.rabbit.host", "127.0.0.1"),
                Integer.parseInt(Infrastructure.setting("jianhu.test.rabbit.port", "5672")),
                Infrastructure.setting("jianhu.test.rabbit.user", "guest"),
                Infrastructure.setting("jianhu.test.rabbit.password", "guest"));
        try (Connection ignored = configured.connectionFactory().newConnection("jianhu-test-probe")) {
            return configured;
        } catch (Exception unreachable) {
            if (Infrastructure.dockerAvailable()) {
                return fromContainer();
            }
            throw Infrastructure.missing("RabbitMQ", configured.host + ":" + configured.port, unreachable);
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' Ryuk removes it
    private static RabbitBroker fromContainer() {
        RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-management-alpine");
        container.start();
        return new RabbitBroker(container.getHost(), container.getAmqpPort(),
                container.getAdminUsername(), container.getAdminPassword());
    }

    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        return factory;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
