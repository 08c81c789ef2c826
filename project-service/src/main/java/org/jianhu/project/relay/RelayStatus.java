package org.jianhu.project.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jianhu.eventstore.token.CommitOrderToken;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * How far the relay is behind the event store, as the gauge {@code jianhu.relay.lag} (events) and
 * as the {@code relay} health component. The relay being down does not stop writes, so this
 * component is not part of the readiness group: it is for operators and alerts.
 */
@Component("relay")
@ConditionalOnBean(RabbitRelay.class)
public class RelayStatus implements HealthIndicator {

    private final RelayProgress progress;
    private final JdbcTemplate jdbc;

    public RelayStatus(RabbitRelay relay, JdbcTemplate jdbc, MeterRegistry registry) {
        this.progress = relay.progress();
        this.jdbc = jdbc;
        Gauge.builder("jianhu.relay.lag", this, status -> status.lag().orElse(-1L))
                .description("Readable events after the relay's position, i.e. stored but not yet confirmed by "
                        + "RabbitMQ (-1 while the relay has no position)")
                .baseUnit("events")
                .register(registry);
    }

    @Override
    public Health health() {
        Optional<String> failure = progress.failure();
        Health.Builder health = failure.isPresent() ? Health.down() : Health.up();
        health.withDetail("headPosition", head());
        progress.confirmed().ifPresent(position -> {
            health.withDetail("relayedPosition", position.globalIndex());
            lag().ifPresent(lag -> health.withDetail("lag", lag));
        });
        failure.ifPresent(error -> health.withDetail("error", error));
        return health.build();
    }

    Optional<Long> lag() {
        return progress.confirmed().map(this::eventsAfter);
    }

    private long eventsAfter(CommitOrderToken position) {
        Long after = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                        + "WHERE (tx_id, global_index) > (CAST(? AS xid8), ?)", Long.class,
                Long.toString(position.txId()), position.globalIndex());
        return after == null ? 0 : after;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
