package org.jianhu.supervision.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.contracts.project.EventRevisions;
import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.testsupport.Infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Crafts envelopes as the project service sends them and puts them on the project-events exchange. */
public final class ProjectEventsFeed {

    private final ObjectMapper json;
    private final String exchange;

    public ProjectEventsFeed(ObjectMapper json, String amqpPrefix) {
        this.json = json;
        this.exchange = ProjectEventsExchange.name(amqpPrefix);
    }

    /**
     * Global positions are 1000 × a per-test base + the sequence number, so they are easy to read; recorded at
     * 2026-03-01T02:00:00Z + the sequence number in seconds, in the event's current revision.
     */
    public EventEnvelope envelope(long positionBase, long sequenceNumber, ProjectEvent event) {
        return envelope(positionBase, sequenceNumber, event,
                Instant.parse("2026-03-01T02:00:00Z").plusSeconds(sequenceNumber));
    }

    public EventEnvelope envelope(long positionBase, long sequenceNumber, ProjectEvent event, Instant recordedAt) {
        String type = event.getClass().getSimpleName();
        return new EventEnvelope(UUID.randomUUID().toString(), event.projectId(), sequenceNumber,
                positionBase + sequenceNumber, type, EventRevisions.current(type), recordedAt,
                Map.of("actorUser", "owner-wang", "actorRole", "owner", "correlationId", "corr-" + sequenceNumber),
                json.valueToTree(event));
    }

    public void publish(EventEnvelope... envelopes) throws Exception {
        try (Connection connection = Infrastructure.rabbit().connectionFactory().newConnection("jianhu-test-feed");
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (EventEnvelope envelope : envelopes) {
                channel.basicPublish(exchange, ProjectEventsExchange.routingKey(envelope.type()),
                        new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                        json.writeValueAsBytes(envelope));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    public static ProjectRegistered registered(String projectId, String region) {
        return registered(projectId, region, "transport-bureau", "sup-li");
    }

    public static ProjectRegistered registered(String projectId, String region, String ownerOrganisation,
                                               String... supervisors) {
        return new ProjectRegistered(projectId, "C-" + projectId, "Bridge " + projectId, "construction", region,
                ownerOrganisation, Money.cny("120000000.00"),
                new Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2027-12-31")), List.of(supervisors));
    }

    public static TransactionRecorded payment(String projectId, String transactionId, String amount) {
        return new TransactionRecorded(projectId, transactionId, TransactionRecorded.PAYMENT,
                LocalDate.parse("2026-02-01"), Money.cny(amount), org.jianhu.contracts.common.OrganisationReference.named("transport-bureau"),
                org.jianhu.contracts.common.OrganisationReference.named("builder-zhao"), null, null);
    }

    public static ProjectCancelled cancelled(String projectId) {
        return new ProjectCancelled(projectId, LocalDate.parse("2026-03-01"), "funding withdrawn");
    }

    public static SupervisorsReassigned reassigned(String projectId, List<String> previous, String... supervisors) {
        return new SupervisorsReassigned(projectId, previous, List.of(supervisors), "rota changed");
    }
}
