package org.jianhu.gateway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway is a reactive door: it knows the services only by their HTTP API, shares with them only
 * service-support's identity and problem pieces, and decides its rate limit in plain Java.
 */
class GatewayArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jianhu.gateway");

    @Test
    void itRunsOnWebFluxAlone() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..")
                .because("Spring Cloud Gateway is reactive; a servlet dependency would block its event loop")
                .check(GATEWAY);
    }

    @Test
    void itKnowsTheServicesOnlyByTheirApi() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.jianhu.project..", "org.jianhu.supervision..", "org.jianhu.alert..",
                        "org.jianhu.contracts..", "org.jianhu.eventstore..")
                .check(GATEWAY);
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.jianhu.servicesupport.messaging..")
                .because("the gateway publishes nothing")
                .check(GATEWAY);
    }

    @Test
    void theTokenBucketDecidesInPlainJava() {
        classes().that().haveSimpleName("TokenBucket").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jianhu.gateway.ratelimit..")
                .check(GATEWAY);
    }
}
