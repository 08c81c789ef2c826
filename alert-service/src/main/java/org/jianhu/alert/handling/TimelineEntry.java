package org.jianhu.alert.handling;

import java.time.Instant;
import java.util.UUID;

/** One step of an alert as stored: {@code position} orders all steps of all alerts in commit order. */
public record TimelineEntry(long position, UUID alertId, String step, String actor, String role, String organisation,
                            Instant occurredAt, String comment, String level, String status) {
}
