package org.jianhu.alert.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
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

    /** The notice it carries, as every channel but the exchange reads it. */
    AlertNotice notice(ObjectMapper json) {
        try {
            return json.readValue(payload, AlertNotice.class);
        } catch (IOException unreadable) {
            throw new IllegalStateException("queued notice is not readable", unreadable);
        }
    }

    public record Attempt(Instant attemptedAt, boolean succeeded, String detail) {
    }
}
