package org.jianhu.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Points one test class's application context at a fresh database and a private AMQP name prefix.
 * Equality is by test class, so Spring caches one context per class and never shares it.
 */
final class RealInfrastructureContextCustomizer implements ContextCustomizer {

    private static final String DYNAMIC_TEST_PROPERTIES = "Dynamic Test Properties";

    private final Class<?> testClass;

    RealInfrastructureContextCustomizer(Class<?> testClass) {
        this.testClass = testClass;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        PostgresServer postgres = Infrastructure.postgres();
        RabbitBroker rabbit = Infrastructure.rabbit();
        String database = postgres.createDatabase("t_" + testClass.getSimpleName());
        String amqpPrefix = "t." + testClass.getSimpleName() + "." + UUID.randomUUID().toString().substring(0, 8);
        MapPropertySource infrastructure = new MapPropertySource("jianhu-real-infrastructure", Map.ofEntries(
                Map.entry("spring.datasource.url", postgres.jdbcUrl(database)),
                Map.entry("spring.datasource.username", postgres.user()),
                Map.entry("spring.datasource.password", postgres.password()),
                Map.entry("spring.rabbitmq.host", rabbit.host()),
                Map.entry("spring.rabbitmq.port", rabbit.port()),
                Map.entry("spring.rabbitmq.username", rabbit.user()),
                Map.entry("spring.rabbitmq.password", rabbit.password()),
                Map.entry("jianhu.amqp.prefix", amqpPrefix),
                Map.entry("jianhu.test.database", database),
                Map.entry("jianhu.identity.secret", TestIdentity.SECRET)));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        // A test's own @DynamicPropertySource (say, RabbitMQ behind a proxy it can cut) still wins.
        if (sources.contains(DYNAMIC_TEST_PROPERTIES)) {
            sources.addAfter(DYNAMIC_TEST_PROPERTIES, infrastructure);
        } else {
            sources.addFirst(infrastructure);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RealInfrastructureContextCustomizer that && that.testClass == testClass;
    }

    @Override
    public int hashCode() {
        return Objects.hash(testClass);
    }
}
