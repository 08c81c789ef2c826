package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;

import java.util.List;
import java.util.Optional;

/** A project's events in sequence order, from the project service (the source of truth). */
public interface ProjectHistory {

    /** Empty when the project service does not know the project. */
    Optional<List<EventEnvelope>> find(String projectId);

    /** No event when the project service does not know the project. */
    default List<EventEnvelope> of(String projectId) {
        return find(projectId).orElse(List.of());
    }
}
