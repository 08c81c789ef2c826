package org.jianhu.project.relay;

import org.jianhu.servicesupport.messaging.ConfirmingPublisher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jianhu.contracts.envelope.ProjectEventsExchange;
import org.jianhu.project.eventstore.FollowingEvents;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay; {@code jianhu.relay.enabled=false} leaves it out (e.g. to measure the write path alone). */
@Configuration
@ConditionalOnProperty(name = "jianhu.relay.enabled", havingValue = "true", matchIfMissing = true)
public class RelayConfiguration {

    @Bean
    public ConfirmingPublisher projectEventsPublisher(CachingConnectionFactory springConnectionFactory,
                                                      @Value("${jianhu.amqp.prefix}") String prefix,
                                                      @Value("${jianhu.relay.confirm-timeout-ms:10000}") long timeout) {
        // A connection of its own, from Spring's settings: the relay's confirm-mode channel is never
        // handed to (or taken from) Spring's channel cache.
        return new ConfirmingPublisher(springConnectionFactory.getRabbitConnectionFactory(),
                ProjectEventsExchange.name(prefix), "jianhu-project-relay", timeout);
    }

    @Bean
    public RabbitRelay rabbitRelay(FollowingEvents followingEvents, TokenStore tokenStore,
                                   PlatformTransactionManager transactions,
                                   ConfirmingPublisher projectEventsPublisher, ObjectMapper objectMapper,
                                   @Value("${jianhu.relay.batch-size:100}") int batchSize) {
        RelayPosition position = new RelayPosition(tokenStore, new TransactionTemplate(transactions),
                followingEvents::createTailToken);
        return new RabbitRelay(followingEvents, position, projectEventsPublisher, objectMapper, batchSize);
    }
}
