package org.jianhu.alert.breaker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code jianhu.delivery.breakers{state}}: how many destinations' breakers are closed, open and probing. */
@Component
class BreakerGauges {

    BreakerGauges(Breakers breakers, MeterRegistry meters) {
        for (BreakerState state : BreakerState.values()) {
            Gauge.builder("jianhu.delivery.breakers", breakers, found -> found.count(state))
                    .tag("state", state.wireName())
                    .description("destinations (subscriptions, the alerts exchange) whose breaker is in the state")
                    .register(meters);
        }
    }
}
