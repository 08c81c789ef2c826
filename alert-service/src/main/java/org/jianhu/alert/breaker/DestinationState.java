package org.jianhu.alert.breaker;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Whether the service tries the subscription's destination now, and why not (as a subscription shows it). */
@Schema(name = "DestinationState")
public record DestinationState(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"closed", "open", "probing"},
                description = "closed: tried as usual; open: not tried until openUntil, its deliveries wait and "
                        + "keep their attempts; probing: one try decides, a success closes it")
        String state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "failed tries since the last success")
        int consecutiveFailures,
        @Schema(description = "until when the breaker is (or was, while probing) open")
        Instant openUntil,
        @Schema(description = "the last failed try's category, e.g. timeout or HTTP 503")
        String lastError) {
}
