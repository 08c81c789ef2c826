package org.jianhu.gateway.identity;

import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.gateway.console.ConsolePaths;
import org.jianhu.gateway.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Bearer tokens only, and the coarse role rules of DOMAIN.md "Who may do what"; the services
 * still decide which project a user may touch.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String OWNER = "owner";
    static final String SUPERVISOR = "supervisor";
    static final String AUDITOR = "auditor";
    static final String ADMIN = "admin";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, Environment environment) {
        boolean dev = environment.acceptsProfiles(Profiles.of("dev"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> rules(exchanges, dev))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    private static void rules(AuthorizeExchangeSpec exchanges, boolean dev) {
        // Probes and the metrics scraper carry no user; the Ingress publishes /api and /dev only.
        exchanges.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                "/actuator/info").permitAll();
        exchanges.pathMatchers(HttpMethod.GET, ConsolePaths.PUBLIC).permitAll();
        if (dev) {
            exchanges.pathMatchers(HttpMethod.POST, "/dev/token").permitAll();
            exchanges.pathMatchers(HttpMethod.GET, "/dev/users").permitAll();
        }
        exchanges
                // The global log is for auditors and for rebuilding services, not for one project's people.
                .pathMatchers(HttpMethod.GET, "/api/events", "/api/events/**").hasAnyRole(AUDITOR, ADMIN)
                // The record's checkpoints and proofs (issue 14) are the auditors' to verify the record with.
                .pathMatchers(HttpMethod.GET, "/api/integrity/**").hasAnyRole(AUDITOR, ADMIN)
                .pathMatchers(HttpMethod.GET, "/**").hasAnyRole(OWNER, SUPERVISOR, AUDITOR, ADMIN)
                .pathMatchers(HttpMethod.HEAD, "/**").hasAnyRole(OWNER, SUPERVISOR, AUDITOR, ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/projects", "/api/projects/*/supervisors",
                        "/api/projects/*/approval", "/api/projects/*/suspension", "/api/projects/*/resumption",
                        "/api/projects/*/cancellation", "/api/risk/rebuild").hasRole(ADMIN)
                // Importing an OC4IDS package registers projects: the administrators' (issue 17).
                .pathMatchers(HttpMethod.POST, "/api/oc4ids/**").hasRole(ADMIN)
                // Retrying a project a consumer parked is the administrators', in every service.
                .pathMatchers(HttpMethod.POST, "/api/projects/parked/**", "/api/risk/parked/**", "/api/alerts/parked/**")
                .hasRole(ADMIN)
                .pathMatchers(HttpMethod.PUT, "/api/risk/rules/**").hasRole(ADMIN)
                // Every other fact about a project is its owner's to record.
                .pathMatchers(HttpMethod.POST, "/api/projects/**").hasRole(OWNER)
                // Auditors read only: every other write is open to the roles that write at all.
                .anyExchange().hasAnyRole(OWNER, SUPERVISOR, ADMIN);
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(IdentityClaims.ROLE);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(failure));
            return Problems.write(exchange, CommonProblem.UNAUTHENTICATED, detail(failure));
        };
    }

    private static String challenge(AuthenticationException failure) {
        return failure instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    private static String detail(AuthenticationException failure) {
        return failure instanceof OAuth2AuthenticationException
                ? "the bearer token is not valid: " + failure.getMessage()
                : "a bearer token is required";
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> Problems.write(exchange, CommonProblem.FORBIDDEN,
                "your role may not " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath());
    }
}
