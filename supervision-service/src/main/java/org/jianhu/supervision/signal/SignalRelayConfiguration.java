package org.jianhu.supervision.signal;

import org.jianhu.servicesupport.messaging.ConfirmingPublisher;

import org.jianhu.contracts.signal.RiskSignalChanged;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/** The outbox relay; {@code jianhu.signal-relay.enabled=false} leaves it out. */
@Configuration
@ConditionalOnProperty(name = "jianhu.signal-relay.enabled", havingValue = "true", matchIfMissing = true)
class SignalRelayConfiguration {

    @Bean
    ConfirmingPublisher riskSignalsPublisher(CachingConnectionFactory springConnectionFactory,
                                             @Value("${jianhu.amqp.prefix}") String prefix,
                                             @Value("${jianhu.signal-relay.confirm-timeout-ms:10000}") long timeout) {
        // a connection of its own: the confirm-mode channel never mixes with Spring's channel cache
        return new ConfirmingPublisher(springConnectionFactory.getRabbitConnectionFactory(),
                RiskSignalChanged.exchange(prefix), "jianhu-signal-relay", timeout);
    }

    /**
     * The lease outlasts the longest wait on the broker it should cover (a confirm timeout, then a reconnection):
     * a relay that waits longer loses it, and the next holder re-sends what it had not yet seen confirmed.
     */
    @Bean
    SignalRelay signalRelay(SignalOutbox outbox, JdbcTemplate jdbc, ConfirmingPublisher riskSignalsPublisher,
                            @Value("${jianhu.signal-relay.batch-size:100}") int batchSize,
                            @Value("${jianhu.signal-relay.lease-ms:30000}") long leaseMillis) {
        return new SignalRelay(outbox, new SignalRelayLease(jdbc, Duration.ofMillis(leaseMillis)),
                riskSignalsPublisher, batchSize);
    }
}
