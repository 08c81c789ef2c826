package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;

import java.util.List;

/** A project's events in sequence order, from the project service (the source of truth). */
public interface ProjectHistory {

    List<EventEnvelope> of(String projectId);
}
