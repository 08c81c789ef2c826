package org.jianhu.eventstore.benchmark;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;

/** Reads a whole store from its tail the way a tracking processor does, payloads deserialized. */
final class TrackingRead {

    record Result(long events, double eventsPerSecond) {
    }

    static Result fromTail(EventStorageEngine engine) {
        long started = System.nanoTime();
        long events = 0;
        Iterator<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false).iterator();
        while (stream.hasNext()) {
            if (stream.next().getPayload() == null) {
                throw new IllegalStateException("an event without payload");
            }
            events++;
        }
        return new Result(events, events / ((System.nanoTime() - started) / 1e9));
    }

    private TrackingRead() {
    }
}
