package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;

import java.util.function.Consumer;

/** The project service's global log ({@code GET /api/events}), every project's events in commit order. */
public interface ProjectLog {

    /** Hands every event of the log, from the beginning, to {@code each}; returns how many. */
    long readAll(Consumer<EventEnvelope> each);
}
