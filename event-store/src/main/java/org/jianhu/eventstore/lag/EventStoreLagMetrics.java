package org.jianhu.eventstore.lag;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.function.ToDoubleFunction;

/**
 * Publishes {@link EventStoreLag} as gauges. Declare it as a bean and Spring Boot binds it to the
 * registry. A failed measurement reads as NaN rather than failing the scrape.
 */
public class EventStoreLagMetrics implements MeterBinder {

    private final EventStoreLag lag;

    public EventStoreLagMetrics(EventStoreLag lag) {
        this.lag = lag;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "jianhu.eventstore.held.back.events", null,
              "Committed events readers may not take yet because an older transaction that can still append is open",
              report -> report.heldBackEvents());
        gauge(registry, "jianhu.eventstore.held.back.age", "seconds",
              "How long the oldest held-back event has waited",
              report -> report.heldBackFor().toMillis() / 1000.0);
        gauge(registry, "jianhu.eventstore.holding.transaction.age", "seconds",
              "How long the transaction holding readers back has been open: 0 when none does, NaN when unknown",
              EventStoreLagMetrics::holdingTransactionAge);
        gauge(registry, "jianhu.eventstore.readable.head.position", null,
              "Global index of the last event readers may take",
              report -> report.readableHead().globalIndex());
    }

    private static double holdingTransactionAge(LagReport report) {
        if (report.heldBackBy().isEmpty()) {
            return 0.0;
        }
        return report.heldBackBy()
                     .flatMap(LagReport.HoldingTransaction::session)
                     .flatMap(LagReport.Session::openFor)
                     .map(openFor -> openFor.toMillis() / 1000.0)
                     .orElse(Double.NaN);
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<LagReport> value) {
        Gauge.builder(name, lag, measured -> {
                 try {
                     return value.applyAsDouble(measured.current());
                 } catch (RuntimeException unmeasurable) {
                     return Double.NaN;
                 }
             })
             .baseUnit(unit)
             .description(description)
             .register(registry);
    }
}
