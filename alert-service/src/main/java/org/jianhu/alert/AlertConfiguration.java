package org.jianhu.alert;

import org.jianhu.alert.breaker.BreakerPolicy;
import org.jianhu.alert.delivery.DeliveryPolicy;
import org.jianhu.alert.handling.EscalationPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({EscalationPolicy.class, DeliveryPolicy.class, BreakerPolicy.class})
class AlertConfiguration {

    /** Business dates (deadlines, "today") are Shanghai dates; instants stay UTC. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
