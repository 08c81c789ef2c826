package org.jianhu.project.register;

import org.axonframework.config.ConfigurerModule;
import org.jianhu.project.project.ProjectListing;
import org.jianhu.servicesupport.parking.EnableParking;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The register parks what it cannot apply ({@link RegisterParking}). Parking is enabled here rather than on the
 * application class, where every web slice test would have to bring a database for it.
 */
@Configuration
@EnableParking
class RegisterConfiguration {

    /** Every event the register's processor handles passes through its parking. */
    @Bean
    ConfigurerModule registerParksWhatItCannotApply(RegisterParking parking) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerHandlerInterceptor(ProjectListing.PROCESSING_GROUP, axon -> parking));
    }
}
