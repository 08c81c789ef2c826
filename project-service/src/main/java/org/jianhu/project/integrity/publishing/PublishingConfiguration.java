package org.jianhu.project.integrity.publishing;

import org.jianhu.project.integrity.IntegrityProperties;
import org.jianhu.project.integrity.checkpoint.Checkpoints;
import org.jianhu.servicesupport.messaging.ConfirmingPublisher;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checkpoints to RabbitMQ, where integrity is enabled; scheduled with the tree ({@code IntegrityConfiguration}). */
@Configuration
@ConditionalOnProperty(name = "jianhu.integrity.enabled", havingValue = "true", matchIfMissing = true)
public class PublishingConfiguration {

    @Bean
    PublishingCheckpoints publishingCheckpoints(Checkpoints checkpoints, CachingConnectionFactory springConnectionFactory,
                                                @Value("${jianhu.amqp.prefix}") String prefix,
                                                IntegrityProperties properties) {
        // A connection of its own, as the relay's: confirm mode is never mixed with Spring's channel cache.
        return new PublishingCheckpoints(checkpoints, new ConfirmingPublisher(
                springConnectionFactory.getRabbitConnectionFactory(), CheckpointExchange.name(prefix),
                "jianhu-integrity-checkpoints", properties.confirmTimeout().toMillis()), properties.origin());
    }
}
