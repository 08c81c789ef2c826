package org.jianhu.servicesupport;

import org.jianhu.servicesupport.identity.IdentityAssertion;
import org.jianhu.servicesupport.identity.VerifiedIdentityFilter;
import org.jianhu.servicesupport.input.RequestPolicyFilter;
import org.jianhu.servicesupport.input.StrictRequestBodies;
import org.jianhu.servicesupport.paging.PageRequests;
import org.jianhu.servicesupport.paging.PagingDocumentation;
import org.jianhu.servicesupport.problem.ProblemDocumentation;
import org.jianhu.servicesupport.problem.ProblemErrorController;
import org.jianhu.servicesupport.web.CorrelationIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Every servlet service of Jianhu gets, just by depending on this module, the correlation-id filter
 * the refusal of identities the gateway did not sign, the input policy (strict request bodies, printable
 * parameters), paged lists (a handler's {@code PageRequest}), and (where springdoc runs) the problem answers and
 * the paging parameters in the OpenAPI document.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceSupportAutoConfiguration {

    @Bean
    public CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    public IdentityAssertion identityAssertion(@Value("${jianhu.identity.secret:}") String secret,
                                               @Value("${jianhu.identity.max-age:PT5M}") Duration maxAge) {
        return new IdentityAssertion(secret, maxAge);
    }

    @Bean
    public VerifiedIdentityFilter verifiedIdentityFilter(IdentityAssertion identityAssertion) {
        // Freshness of a signature is a matter of wall time, whatever business clock the service runs on.
        return new VerifiedIdentityFilter(identityAssertion, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    public RequestPolicyFilter requestPolicyFilter() {
        return new RequestPolicyFilter();
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
    public StrictRequestBodies strictRequestBodies() {
        return new StrictRequestBodies();
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
    public PageRequests pageRequests() {
        return new PageRequests();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class Documentation {

        @Bean
        ProblemDocumentation problemDocumentation() {
            return new ProblemDocumentation();
        }

        @Bean
        PagingDocumentation pagingDocumentation() {
            return new PagingDocumentation();
        }
    }
}
