package org.jianhu.eventstore.health;

import org.jianhu.eventstore.lag.EventStoreLag;
import org.jianhu.eventstore.lag.LagReport;
import org.jianhu.eventstore.lag.LagReport.HoldingTransaction;
import org.jianhu.eventstore.lag.LagReport.Session;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows in the actuator's health details whether an open transaction is holding the event readers
 * back, and which. It stays UP while the store answers: a long transaction delays readers, it does
 * not lose events, and restarting the service would not end it.
 */
public class EventStoreHealthIndicator implements HealthIndicator {

    static final String START_NOT_VISIBLE = "not visible to this role (it needs pg_read_all_stats)";

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
        report.heldBackBy().ifPresent(holder -> {
            details.put("heldBackBy", holderDetails(holder));
            details.put("heldBackBecause", because(report, holder));
        });
        details.put("measuredAt", report.measuredAt().toString());
        return details;
    }

    private static Map<String, Object> holderDetails(HoldingTransaction holder) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transactionId", holder.transactionId());
        holder.session().ifPresentOrElse(session -> {
            details.put("pid", session.pid());
            details.put("database", String.valueOf(session.database()));
            details.put("applicationName", String.valueOf(session.applicationName()));
            details.put("openFor", openFor(session));
        }, () -> details.put("session", "ended a moment ago"));
        return details;
    }

    private static String because(LagReport report, HoldingTransaction holder) {
        String who = holder.session()
                           .map(session -> " (pid " + session.pid() + ", database " + session.database()
                                   + ", application '" + session.applicationName() + "', open for "
                                   + openFor(session) + ")")
                           .orElse(", which ended a moment ago");
        return report.heldBackEvents() + " committed events wait for transaction " + holder.transactionId() + who
                + ": it may still append to the event store. They are delivered, in order, once it ends.";
    }

    private static String openFor(Session session) {
        return session.openFor().map(Object::toString).orElse(START_NOT_VISIBLE);
    }
}
