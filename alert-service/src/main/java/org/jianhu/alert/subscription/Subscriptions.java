package org.jianhu.alert.subscription;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class Subscriptions {

    private static final String COLUMNS = "id, supervisor, region, project_id, min_level, rule_id, channel, url, secret, "
            + "address, created_at";

    private final JdbcClient jdbc;
    private final String prefix;

    Subscriptions(JdbcClient jdbc, @Value("${jianhu.amqp.prefix}") String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    void insert(Subscription subscription) {
        jdbc.sql("INSERT INTO subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(subscription.id(), subscription.supervisor(), subscription.region(), subscription.project(),
                        subscription.level(), subscription.rule(), subscription.channel(), subscription.url(),
                        subscription.secret(), subscription.address(), Timestamp.from(subscription.createdAt()))
                .update();
    }

    public List<Subscription> of(String supervisor) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE supervisor = ? ORDER BY created_at, id")
                .param(supervisor).query(this::subscription).list();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE id = ?").param(id).query(this::subscription)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM subscription WHERE id = ?").param(id).update();
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String channel = rs.getString("channel");
        return new Subscription(id, rs.getString("supervisor"), rs.getString("region"), rs.getString("project_id"),
                rs.getString("min_level"), rs.getString("rule_id"), channel, rs.getString("url"), rs.getString("secret"),
                rs.getString("address"), Channel.QUEUE.wireName().equals(channel) ? AlertRouting.queue(prefix, id) : null,
                rs.getTimestamp("created_at").toInstant(), null);
    }
}
