package org.jianhu.alert.destination;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WebhookSettings.class)
class DestinationConfiguration {

    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }
}
