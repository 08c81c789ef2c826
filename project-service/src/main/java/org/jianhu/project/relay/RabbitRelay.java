package org.jianhu.project.relay;

import org.jianhu.servicesupport.messaging.ConfirmingPublisher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.project.history.ProjectEventTypes;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends every committed event to the project-events exchange. It runs as a tracking processor, so
 * its position lives in the token store and moves only when a batch's unit of work commits — and
 * that commit waits for the broker's confirms. A broker outage or a crash therefore re-sends
 * rather than loses: delivery is at-least-once, and every message carries what consumers need to
 * de-duplicate (event id) and to spot gaps (project id, sequence number, global position).
 */
@ProcessingGroup(RabbitRelay.PROCESSING_GROUP)
public class RabbitRelay {

    public static final String PROCESSING_GROUP = "rabbit-relay";
    private static final String CONFIRM_ON_COMMIT = RabbitRelay.class.getName() + ".confirmOnCommit";

    private final ConfirmingPublisher publisher;
    private final ObjectMapper objectMapper;

    public RabbitRelay(ConfirmingPublisher publisher, ObjectMapper objectMapper) {
        this.publisher = publisher;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(ProjectEvent event, DomainEventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        String type = ProjectEventTypes.nameOf(message.getPayloadType().getName());
        long globalPosition = token.position().orElse(-1);
        Map<String, Object> metadata = new HashMap<>(message.getMetaData());
        EventEnvelope envelope = new EventEnvelope(message.getIdentifier(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), globalPosition, type, revisionOf(event), message.getTimestamp(),
                metadata, objectMapper.valueToTree(event));
        publisher.publish(ProjectEventsExchange.routingKey(type), propertiesOf(envelope),
                objectMapper.writeValueAsBytes(envelope));
        confirmBeforeTheBatchCommits();
    }

    private void confirmBeforeTheBatchCommits() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        batch.getOrComputeResource(CONFIRM_ON_COMMIT, key -> {
            batch.onPrepareCommit(unitOfWork -> publisher.awaitConfirms());
            return Boolean.TRUE;
        });
    }

    private static String revisionOf(ProjectEvent event) {
        var revision = event.getClass().getAnnotation(org.axonframework.serialization.Revision.class);
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
