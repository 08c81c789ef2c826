package org.jianhu.alert.subscription;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jianhu.alert.breaker.Breakers;
import org.jianhu.alert.breaker.DestinationState;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor's request for the alerts its filter matches (each part optional; {@code level} is the
 * lowest colour), sent on {@code channel}. The webhook secret signs deliveries and is never shown.
 * {@code destination} is the breaker of where its deliveries go, as its supervisor reads it.
 */
public record Subscription(UUID id, String supervisor, String region, String project, String level, String rule,
                           String channel, String url, @JsonIgnore String secret, String address, String queue,
                           Instant createdAt,
                           @Schema(description = "whether its destination is tried now: its own, or for a queue "
                                   + "the alerts exchange that fills it") DestinationState destination) {

    /** Its deliveries' destination: its own, or for a queue the alerts exchange, which its queue is bound to. */
    @JsonIgnore
    public UUID deliveredTo() {
        return Channel.QUEUE.wireName().equals(channel) ? Breakers.EXCHANGE : id;
    }

    Subscription with(DestinationState state) {
        return new Subscription(id, supervisor, region, project, level, rule, channel, url, secret, address, queue,
                createdAt, state);
    }
}
