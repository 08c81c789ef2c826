package org.jianhu.supervision.consumption;

import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * Calls to the project service ({@code jianhu.project-service.url}), each signed anew as the service
 * {@value #CALLER} reading for itself: the project service believes no unsigned identity.
 */
@Configuration
class ProjectServiceClient {

    static final String CALLER = "supervision-service";

    @Bean
    RestClient projectService(RestClient.Builder builder, IdentityAssertion identity,
                              @Value("${jianhu.project-service.url}") String baseUrl) {
        CallerIdentity supervision = CallerIdentity.service(CALLER);
        // Freshness of a signature is a matter of wall time, whatever business clock the service runs on.
        Clock wallClock = Clock.systemUTC();
        return builder.baseUrl(baseUrl)
                .requestInterceptor((request, body, execution) -> {
                    identity.headers(supervision, wallClock.instant()).forEach(request.getHeaders()::set);
                    return execution.execute(request, body);
                })
                .build();
    }
}
