package org.jianhu.testsupport;

import org.jianhu.servicesupport.ServiceSupportAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For a web slice ({@code @WebMvcTest}): the service's filters as it runs them — correlation id and the
 * check of the gateway's signed identity — with the secret {@link TestIdentity} signs with.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ImportAutoConfiguration(ServiceSupportAutoConfiguration.class)
@TestPropertySource(properties = "jianhu.identity.secret=" + TestIdentity.SECRET)
public @interface SignedIdentities {
}
