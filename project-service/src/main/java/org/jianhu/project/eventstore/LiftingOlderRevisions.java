package org.jianhu.project.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.jianhu.contracts.project.EventRevisions;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Axon's upcaster for the project's own events: a payload stored in an older revision is lifted to the record's
 * current one as {@link EventRevisions} says, on its way into an aggregate. The stored bytes stay as they are.
 */
@Component
public class LiftingOlderRevisions extends SingleEventUpcaster {

    private static final String EVENTS_PACKAGE = "org.jianhu.contracts.project.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        String type = simpleName(stored.getType().getName());
        String current = type == null ? null : EventRevisions.current(type);
        return current != null && !Objects.equals(current, stored.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        String type = simpleName(stored.getType().getName());
        return stored.upcastPayload(new SimpleSerializedType(stored.getType().getName(), EventRevisions.current(type)),
                JsonNode.class,
                payload -> EventRevisions.lift(type, stored.getType().getRevision(), payload, stored.getTimestamp()));
    }

    private static String simpleName(String payloadType) {
        return payloadType.startsWith(EVENTS_PACKAGE) ? payloadType.substring(EVENTS_PACKAGE.length()) : null;
    }
}
