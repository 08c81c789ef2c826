package org.jianhu.alert.subscription;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor's request for the alerts its filter matches (each part optional; {@code level} is the
 * lowest colour), sent on {@code channel}. The webhook secret signs deliveries and is never shown.
 */
public record Subscription(UUID id, String supervisor, String region, String project, String level, String rule,
                           String channel, String url, @JsonIgnore String secret, String address, String queue,
                           Instant createdAt) {
}
