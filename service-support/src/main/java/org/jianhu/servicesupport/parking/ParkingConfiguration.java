package org.jianhu.servicesupport.parking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ParkingConfiguration {

    @Bean
    ParkedProjects parkedProjects(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new ParkedProjects(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ParkedProjectsHealth parkedProjectsHealthIndicator(ParkedProjects parked) {
        return new ParkedProjectsHealth(parked);
    }

    @Bean
    Gauge parkedProjectsGauge(ParkedProjects parked, MeterRegistry registry) {
        return Gauge.builder("jianhu.parked.projects", parked, ParkedProjects::count)
                .description("projects a consumer of this service stopped applying until they are retried")
                .register(registry);
    }
}
