package org.jianhu.testsupport;

/**
 * Where integration tests find their PostgreSQL and RabbitMQ. In order: the servers named by
 * configuration (environment or system properties, defaults on localhost); else, where Docker
 * runs, Testcontainers; else the test fails with a message saying what is missing. It never skips.
 *
 * <p>Settings (system property, or the same name upper-cased with dots as underscores in the
 * environment): {@code jianhu.test.pg.host} (127.0.0.1), {@code jianhu.test.pg.port} (5432),
 * {@code jianhu.test.pg.user} (postgres), {@code jianhu.test.pg.password} (empty),
 * {@code jianhu.test.rabbit.host} (127.0.0.1), {@code jianhu.test.rabbit.port} (5672),
 * {@code jianhu.test.rabbit.user} (guest), {@code jianhu.test.rabbit.password} (guest).
 */
public final class Infrastructure {

    private static PostgresServer postgres;
    private static RabbitBroker rabbit;

    private Infrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.locate();
        }
        return postgres;
    }

    public static synchronized RabbitBroker rabbit() {
        if (rabbit == null) {
            rabbit = RabbitBroker.locate();
        }
        return rabbit;
    }

    static String setting(String name, String fallback) {
        String fromProperty = System.getProperty(name);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnvironment = System.getenv(name.toUpperCase().replace('.', '_'));
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : fallback;
    }

    static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable notUsable) {
            return false;
        }
    }

    static IllegalStateException missing(String what, String configured, Exception cause) {
        return new IllegalStateException(what + " is needed by this integration test but none is reachable: "
                + "nothing answers at " + configured + " (" + cause.getMessage() + ") and no Docker engine runs "
                + "for Testcontainers. Start " + what + " there, or point the test at one with the "
                + "jianhu.test.* settings (see Infrastructure).", cause);
    }
}
