package org.jianhu.servicesupport.parking;

import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a service's application: its consumers park the projects they cannot apply ({@link ParkedProjects}), shown
 * in health ({@code parkedProjects}) and as the gauge {@code jianhu.parked.projects}. The service lists
 * {@code classpath:db/parking} among its Flyway locations.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(ParkingConfiguration.class)
public @interface EnableParking {
}
