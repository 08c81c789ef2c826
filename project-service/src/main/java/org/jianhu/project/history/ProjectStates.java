package org.jianhu.project.history;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.project.project.ProjectState;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A project's state rebuilt from its events: now, or as it stood at an instant. */
@Component
public class ProjectStates {

    /** A state and the version (last sequence number) it was built from. */
    public record VersionedState(ProjectState state, long version) {
    }

    private final StoredEvents storedEvents;

    public ProjectStates(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    public Optional<VersionedState> current(String projectId) {
        return of(storedEvents.ofProject(projectId));
    }

    /** @return empty when the project did not exist yet at that instant */
    public Optional<VersionedState> asOf(String projectId, Instant instant) {
        return of(storedEvents.ofProject(projectId).stream()
                .filter(event -> !event.recordedAt().isAfter(instant))
                .toList());
    }

    /** The state a project's events, in order, make; empty when there are none. */
    public Optional<VersionedState> of(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        ProjectState state = new ProjectState();
        for (EventEnvelope event : events) {
            state.apply(storedEvents.eventOf(event));
        }
        return Optional.of(new VersionedState(state, events.get(events.size() - 1).sequenceNumber()));
    }
}
