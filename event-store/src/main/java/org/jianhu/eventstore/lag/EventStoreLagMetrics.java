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
              "Committed events readers may not take yet because an older transaction is open",
              report -> report.heldBackEvents());
        gauge(registry, "jianhu.eventstore.held.back.age", "seconds",
              "How long the oldest held-back event has waited",
              report -> report.heldBackFor().toMillis() / 1000.0);
        gauge(registry, "jianhu.eventstore.oldest.open.transaction.age", "seconds",
              "How long the transaction that sets the reading horizon has been open",
              report -> report.oldestOpenTransaction().map(t -> t.openFor().toMillis() / 1000.0).orElse(0.0));
        gauge(registry, "jianhu.eventstore.readable.head.position", null,
              "Global index of the last event readers may take",
              report -> report.readableHead().globalIndex());
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
