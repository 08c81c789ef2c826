package org.jianhu.servicesupport.parking;

import java.time.Instant;

/**
 * A project one consumer stopped applying, at the first event it could not apply: every other project goes
 * on, and this one waits for an administrator to retry it after a fix.
 *
 * @param consumer which consumer of the service parked it (e.g. {@code risk-register}, {@code listing})
 * @param position the global position of the event it could not apply (its view is stale from there)
 */
public record ParkedProject(String consumer, String projectId, long position, String eventId, String reason,
                            Instant parkedAt) {
}
