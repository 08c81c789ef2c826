package org.jianhu.supervision.signal;

import org.jianhu.servicesupport.messaging.ConfirmingPublisher;

import org.jianhu.contracts.signal.RiskSignalChanged;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    @Bean
    SignalRelay signalRelay(SignalOutbox outbox, ConfirmingPublisher riskSignalsPublisher,
                            PlatformTransactionManager transactions,
                            @Value("${jianhu.signal-relay.batch-size:100}") int batchSize) {
        return new SignalRelay(outbox, riskSignalsPublisher, new TransactionTemplate(transactions), batchSize);
    }
}
