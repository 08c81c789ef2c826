package org.jianhu.alert.signal;

import org.jianhu.servicesupport.parking.EnableParking;
import org.springframework.context.annotation.Configuration;

/**
 * Parking of projects (service-support) for the signal consumer: the {@code parked_project} and
 * {@code held_message} tables, the {@code parkedProjects} health component and the gauge
 * {@code jianhu.parked.projects}. Enabled here, not on the application class, so that web slice tests (which
 * have no database) do not start it.
 */
@Configuration
@EnableParking
class SignalParking {
}
