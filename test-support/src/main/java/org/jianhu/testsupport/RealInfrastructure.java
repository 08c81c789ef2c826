package org.jianhu.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring Boot test class real PostgreSQL and RabbitMQ (see {@link Infrastructure}), with a
 * database of its own and AMQP names of its own ({@code jianhu.amqp.prefix}), so test classes
 * cannot see each other's data or messages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {
}
