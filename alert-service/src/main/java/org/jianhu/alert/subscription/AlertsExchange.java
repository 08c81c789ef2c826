package org.jianhu.alert.subscription;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic exchange alert changes are published to, declared whenever the service connects. */
@Configuration
class AlertsExchange {

    @Bean
    TopicExchange alertChanges(@Value("${jianhu.amqp.prefix}") String prefix) {
        return new TopicExchange(AlertRouting.exchange(prefix), true, false);
    }
}
