package org.jianhu.project.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.jianhu.eventstore.token.CommitOrderToken;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.actuate.health.HealthIndicator;
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

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public RelayStatus(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry registry) {
        this.processing = processing;
        this.jdbc = jdbc;
        Gauge.builder("jianhu.relay.lag", this, status -> status.lag().orElse(-1L))
                .description("Readable events after the relay's position, i.e. stored but not yet confirmed by "
                        + "RabbitMQ (-1 while the relay has no position)")
                .baseUnit("events")
                .register(registry);
    }

    @Override
    public Health health() {
        Optional<EventTrackerStatus> tracker = tracker();
        long head = head();
        Health.Builder health = tracker.filter(EventTrackerStatus::isErrorState).isPresent()
                ? Health.down() : Health.up();
        health.withDetail("headPosition", head);
        tracker.ifPresent(status -> {
            status.getCurrentPosition().ifPresent(position -> health.withDetail("relayedPosition", position));
            lag().ifPresent(lag -> health.withDetail("lag", lag));
            if (status.isErrorState() && status.getError() != null) {
                health.withDetail("error", status.getError().getMessage());
            }
        });
        return health.build();
    }

    Optional<Long> lag() {
        return tracker().flatMap(status -> unwrap(status.getTrackingToken()))
                .map(position -> jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                                + "WHERE (tx_id, global_index) > (CAST(? AS xid8), ?)", Long.class,
                        Long.toString(position.txId()), position.globalIndex()));
    }

    private static Optional<CommitOrderToken> unwrap(TrackingToken token) {
        TrackingToken current = token instanceof WrappedToken wrapped ? wrapped.lowerBound() : token;
        return current instanceof CommitOrderToken position ? Optional.of(position) : Optional.empty();
    }

    private Optional<EventTrackerStatus> tracker() {
        return processing.eventProcessor(RabbitRelay.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .map(java.util.Map::values)
                .flatMap(statuses -> statuses.stream().findFirst());
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
