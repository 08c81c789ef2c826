package org.jianhu.eventstore.health;

import org.jianhu.eventstore.lag.EventStoreLag;
import org.jianhu.eventstore.lag.LagReport;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows in the actuator's health details whether an open transaction is holding the event readers
 * back. It stays UP while the store answers: a long transaction delays readers, it does not lose
 * events, and restarting the service would not end it.
 */
public class EventStoreHealthIndicator implements HealthIndicator {

    private final EventStoreLag lag;

    public EventStoreHealthIndicator(EventStoreLag lag) {
        this.lag = lag;
    }

    @Override
    public Health health() {
        LagReport report;
        try {
            report = lag.current();
        } catch (RuntimeException unmeasurable) {
            return Health.down(unmeasurable).build();
        }
        return Health.up().withDetails(details(report)).build();
    }

    private static Map<String, Object> details(LagReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("readableHead", Map.of("txId", report.readableHead().txId(),
                                           "globalIndex", report.readableHead().globalIndex()));
        details.put("readersHeldBack", report.readersHeldBack());
        details.put("heldBackEvents", report.heldBackEvents());
        details.put("heldBackFor", report.heldBackFor().toString());
        report.oldestOpenTransaction().ifPresent(open -> details.put("oldestOpenTransaction", Map.of(
                "pid", open.pid(),
                "database", String.valueOf(open.database()),
                "applicationName", String.valueOf(open.applicationName()),
                "openFor", open.openFor().toString())));
        details.put("measuredAt", report.measuredAt().toString());
        return details;
    }
}
