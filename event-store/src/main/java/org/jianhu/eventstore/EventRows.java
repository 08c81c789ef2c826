package org.jianhu.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jianhu.eventstore.token.CommitOrderToken;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Turns messages into event rows and rows back into Axon's serialized event data. */
final class EventRows {

    private final PayloadColumnType payloadColumns;

    EventRows(PayloadColumnType payloadColumns) {
        this.payloadColumns = payloadColumns;
    }

    /** Binds the nine columns of {@link EventStatements#appendEvent} (and of the snapshot insert). */
    void bind(PreparedStatement statement, EventMessage<?> message, Serializer serializer) throws SQLException {
        DomainEventMessage<?> event = asDomainEvent(message);
        SerializedObject<?> payload = event.serializePayload(serializer, payloadColumns.javaType());
        SerializedObject<?> metaData = event.serializeMetaData(serializer, payloadColumns.javaType());
        statement.setString(1, event.getIdentifier());
        statement.setString(2, event.getAggregateIdentifier());
        statement.setLong(3, event.getSequenceNumber());
        statement.setString(4, event.getType());
        statement.setObject(5, OffsetDateTime.ofInstant(event.getTimestamp(), ZoneOffset.UTC));
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setObject(8, payload.getData());
        statement.setObject(9, metaData.getData());
    }

    DomainEventData<?> domainEvent(ResultSet row) throws SQLException {
        return entry(row, row.getString("aggregate_identifier"));
    }

    TrackedEventData<?> trackedEvent(ResultSet row) throws SQLException {
        CommitOrderToken token = new CommitOrderToken(Long.parseLong(row.getString("tx_text")),
                                                      row.getLong("global_index"));
        String eventIdentifier = row.getString("event_identifier");
        String aggregateIdentifier = row.getString("aggregate_identifier");
        // An event published outside an aggregate is stored under its own id, as Axon's engines do.
        boolean standalone = eventIdentifier.equals(aggregateIdentifier);
        return new TrackedDomainEventData<>(token, entry(row, standalone ? null : aggregateIdentifier));
    }

    static CommitOrderToken position(ResultSet row) throws SQLException {
        return new CommitOrderToken(Long.parseLong(row.getString(1)), row.getLong(2));
    }

    private GenericDomainEventEntry<?> entry(ResultSet row, String aggregateIdentifier) throws SQLException {
        return new GenericDomainEventEntry<>(row.getString("type"),
                                             aggregateIdentifier,
                                             row.getLong("sequence_number"),
                                             row.getString("event_identifier"),
                                             row.getObject("time_stamp", OffsetDateTime.class).toInstant(),
                                             row.getString("payload_type"),
                                             row.getString("payload_revision"),
                                             payloadColumns.read(row, "payload"),
                                             payloadColumns.read(row, "meta_data"));
    }

    private static <T> DomainEventMessage<T> asDomainEvent(EventMessage<T> event) {
        if (event instanceof DomainEventMessage<T> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
