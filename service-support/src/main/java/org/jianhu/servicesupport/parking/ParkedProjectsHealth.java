package org.jianhu.servicesupport.parking;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.List;
import java.util.Map;

/**
 * The {@code parkedProjects} health component: UP, since every other project is being applied, with the list
 * of those that are not (consumer, project, position, reason), so that an operator sees at once why a project's
 * view stopped following.
 */
public class ParkedProjectsHealth implements HealthIndicator {

    private static final int LISTED = 50;

    private final ParkedProjects parked;

    public ParkedProjectsHealth(ParkedProjects parked) {
        this.parked = parked;
    }

    @Override
    public Health health() {
        List<Map<String, Object>> listed = parked.first(LISTED).stream().map(project -> Map.<String, Object>of(
                "consumer", project.consumer(), "projectId", project.projectId(), "position", project.position(),
                "reason", project.reason(), "parkedAt", project.parkedAt().toString())).toList();
        return Health.up().withDetail("count", parked.count()).withDetail("projects", listed).build();
    }
}
