package org.jianhu.alert.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One alert change on its way to one target, with every try so far. */
public record Delivery(UUID id, UUID subscriptionId, String channel, UUID alertId, long position, String status,
                       int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt,
                       @JsonIgnore String routingKey, @JsonIgnore String payload, List<Attempt> tries) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD_LETTERED = "deadLettered";

    public record Attempt(Instant attemptedAt, boolean succeeded, String detail) {
    }
}
