package org.jianhu.project.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Revision;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.project.history.ProjectEventTypes;

import java.io.UncheckedIOException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stored project event as it goes out on the project-events exchange: the envelope, and the headers that let
 * consumers de-duplicate (message id = event id) and spot gaps (project id, sequence number, global position).
 */
record RelayedEvent(String routingKey, AMQP.BasicProperties properties, byte[] body) {

    /** None for what is no project event (the relay passes over it, as a handler of project events would). */
    static Optional<RelayedEvent> of(TrackedEventMessage<?> message, ObjectMapper json) {
        if (!(message instanceof DomainEventMessage<?> stored)
                || !ProjectEvent.class.isAssignableFrom(message.getPayloadType())) {
            return Optional.empty();
        }
        ProjectEvent event = (ProjectEvent) stored.getPayload();
        String type = ProjectEventTypes.nameOf(stored.getPayloadType().getName());
        long globalPosition = message.trackingToken().position().orElse(-1);
        EventEnvelope envelope = new EventEnvelope(stored.getIdentifier(), stored.getAggregateIdentifier(),
                stored.getSequenceNumber(), globalPosition, type, revisionOf(event), stored.getTimestamp(),
                new HashMap<>(stored.getMetaData()), json.valueToTree(event));
        try {
            return Optional.of(new RelayedEvent(ProjectEventsExchange.routingKey(type), propertiesOf(envelope),
                    json.writeValueAsBytes(envelope)));
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static String revisionOf(ProjectEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    private static AMQP.BasicProperties propertiesOf(EventEnvelope envelope) {
        Map<String, Object> headers = Map.of(
                ProjectEventsExchange.HEADER_EVENT_ID, envelope.eventId(),
                ProjectEventsExchange.HEADER_PROJECT_ID, envelope.projectId(),
                ProjectEventsExchange.HEADER_SEQUENCE_NUMBER, envelope.sequenceNumber(),
                ProjectEventsExchange.HEADER_GLOBAL_POSITION, envelope.globalPosition(),
                ProjectEventsExchange.HEADER_EVENT_TYPE, envelope.type(),
                ProjectEventsExchange.HEADER_ENVELOPE_VERSION, EventEnvelope.ENVELOPE_VERSION);
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .messageId(envelope.eventId())
                .type(envelope.type())
                .timestamp(Date.from(envelope.recordedAt()))
                .headers(headers)
                .build();
    }
}
