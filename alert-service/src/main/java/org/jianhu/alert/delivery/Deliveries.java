package org.jianhu.alert.delivery;

import org.jianhu.alert.subscription.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery queue. Retry times are the database's clock: they are about the wire, not about the
 * business dates the service's clock decides.
 */
@Repository
class Deliveries {

    private static final String COLUMNS = "id, subscription_id, channel, alert_id, position, status, attempts, "
            + "next_attempt_at, last_error, created_at, delivered_at, routing_key, payload";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For every matching subscription but queues (they read the exchange); a change goes once to each. */
    void enqueueForSubscribers(UUID alertId, long position, String routingKey, String payload, String matches) {
        jdbc.sql("INSERT INTO delivery (id, subscription_id, channel, alert_id, position, routing_key, payload, status, "
                        + "next_attempt_at) SELECT gen_random_uuid(), s.id, s.channel, a.id, ?, ?, ?, 'pending', now() "
                        + "FROM subscription s JOIN alert a ON a.id = ? WHERE s.channel IN "
                        + Channel.deliveredPerSubscriptionSql() + " AND " + matches + " ON CONFLICT DO NOTHING")
                .params(position, routingKey, payload, alertId).update();
    }

    /** Once per change for the alerts exchange, where subscriber queues take what their bindings match. */
    void enqueueForExchange(UUID alertId, long position, String routingKey, String payload) {
        jdbc.sql("INSERT INTO delivery (id, channel, alert_id, position, routing_key, payload, status, next_attempt_at) "
                        + "VALUES (gen_random_uuid(), 'queue', ?, ?, ?, ?, 'pending', now()) ON CONFLICT DO NOTHING")
                .params(alertId, position, routingKey, payload).update();
    }

    /** Due deliveries no other instance is sending now; locked until the caller's transaction ends. */
    List<Delivery> lockDue(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE status = 'pending' AND next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at, position LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(limit).query(Deliveries::delivery).list();
    }

    void delivered(UUID id, String detail) {
        attempt(id, true, detail);
        jdbc.sql("UPDATE delivery SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), "
                + "next_attempt_at = NULL, last_error = NULL WHERE id = ?").param(id).update();
    }

    void failed(UUID id, String error, Duration retryIn) {
        attempt(id, false, error);
        jdbc.sql("UPDATE delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = now() + ? * interval "
                        + "'1 millisecond' WHERE id = ?").params(error, retryIn.toMillis(), id).update();
    }

    void deadLettered(UUID id, String error) {
        attempt(id, false, error);
        jdbc.sql("UPDATE delivery SET status = 'deadLettered', attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = NULL WHERE id = ?").params(error, id).update();
    }

    /** @return false unless the delivery was dead-lettered: it then starts a fresh round of tries */
    boolean resend(UUID subscriptionId, UUID id) {
        return jdbc.sql("UPDATE delivery SET status = 'pending', attempts = 0, next_attempt_at = now() "
                        + "WHERE id = ? AND subscription_id = ? AND status = 'deadLettered'")
                .params(id, subscriptionId).update() == 1;
    }

    List<Delivery> of(UUID subscriptionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE subscription_id = ? ORDER BY position, id")
                .param(subscriptionId).query(Deliveries::delivery).list().stream().map(this::withTries).toList();
    }

    Optional<Delivery> find(UUID subscriptionId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = ? AND subscription_id = ?")
                .params(id, subscriptionId).query(Deliveries::delivery).optional().map(this::withTries);
    }

    private void attempt(UUID id, boolean succeeded, String detail) {
        jdbc.sql("INSERT INTO delivery_attempt (delivery_id, attempted_at, succeeded, detail) VALUES (?, now(), ?, ?)")
                .params(id, succeeded, detail).update();
    }

    private Delivery withTries(Delivery delivery) {
        List<Delivery.Attempt> tries = jdbc.sql("SELECT attempted_at, succeeded, detail FROM delivery_attempt "
                        + "WHERE delivery_id = ? ORDER BY id").param(delivery.id())
                .query((rs, row) -> new Delivery.Attempt(rs.getTimestamp("attempted_at").toInstant(),
                        rs.getBoolean("succeeded"), rs.getString("detail"))).list();
        return new Delivery(delivery.id(), delivery.subscriptionId(), delivery.channel(), delivery.alertId(),
                delivery.position(), delivery.status(), delivery.attempts(), delivery.nextAttemptAt(),
                delivery.lastError(), delivery.createdAt(), delivery.deliveredAt(), delivery.routingKey(),
                delivery.payload(), tries);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("channel"), rs.getObject("alert_id", UUID.class), rs.getLong("position"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("delivered_at")), rs.getString("routing_key"), rs.getString("payload"),
                List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
