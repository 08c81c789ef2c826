package org.jianhu.supervision.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.signal.RiskSignalChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/** Signal changes waiting to be published, written in the transaction that made them. */
@Repository
public class SignalOutbox {

    /** One unpublished change, as it will go out. */
    record Pending(UUID id, String routingKey, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    private final ApplicationEventPublisher events;

    SignalOutbox(JdbcTemplate jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Told in the appending transaction: the relay wakes once it commits (see {@link SignalRelay}). */
    record Appended() {
    }

    void append(RiskSignalChanged change) {
        jdbc.update("INSERT INTO signal_outbox (id, signal_id, project_id, rule_id, rule_version, level, previous_level, "
                        + "change_type, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))",
                change.changeId(), change.signalId(), change.projectId(), change.ruleId(), change.ruleVersion(),
                change.level(), change.previousLevel(), change.change(), write(change));
        events.publishEvent(new Appended());
    }

    /** The oldest unpublished changes, in the order they were made (one project's commit one after the other). */
    List<Pending> nextUnpublished(int limit) {
        return jdbc.query("SELECT id, payload::text AS payload FROM signal_outbox WHERE published_at IS NULL "
                        + "ORDER BY position LIMIT ?",
                (row, index) -> pending(row.getObject("id", UUID.class), row.getString("payload")), limit);
    }

    /** One statement: a transaction of its own, a short one. */
    void markPublished(List<UUID> ids) {
        jdbc.update(connection -> {
            var update = connection.prepareStatement(
                    "UPDATE signal_outbox SET published_at = now() WHERE id = ANY (?) AND published_at IS NULL");
            update.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return update;
        });
    }

    private Pending pending(UUID id, String payload) {
        try {
            RiskSignalChanged change = json.readValue(payload, RiskSignalChanged.class);
            return new Pending(id, change.routingKey(), json.writeValueAsBytes(change));
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("outbox row " + id + " is not a readable signal change", unreadable);
        }
    }

    private String write(RiskSignalChanged change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("signal change cannot be written as JSON", unwritable);
        }
    }
}
