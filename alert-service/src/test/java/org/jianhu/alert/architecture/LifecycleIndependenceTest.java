package org.jianhu.alert.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The lifecycle — the alert's status machine and who may take which step — decides alone: it knows no
 * framework, database, broker or web, and none of the service's infrastructure. Whatever stores, receives,
 * streams or sends its steps depends on it, never the other way round.
 */
class LifecycleIndependenceTest {

    private static final String LIFECYCLE = "org.jianhu.alert.lifecycle..";

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jianhu.alert");

    @Test
    void theLifecycleKnowsNeitherSpringNorJdbcNorAmqpNorServletsNorJackson() {
        noClasses().that().resideInAPackage(LIFECYCLE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "org.springframework.amqp..", "com.rabbitmq..",
                        "jakarta.servlet..", "com.fasterxml.jackson.databind..")
                .check(service);
    }

    @Test
    void theLifecycleDependsOnNoInfrastructureOfTheService() {
        noClasses().that().resideInAPackage(LIFECYCLE)
                .should().dependOnClassesThat().resideInAnyPackage("org.jianhu.alert.delivery..",
                        "org.jianhu.alert.signal..", "org.jianhu.alert.stream..", "org.jianhu.alert.subscription..",
                        "org.jianhu.alert.web..", "org.jianhu.alert.amqp..")
                .check(service);
    }

    /** What the two rules above name, and whatever they do not foresee: the lifecycle needs the JDK only. */
    @Test
    void theLifecycleDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(LIFECYCLE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", LIFECYCLE)
                .check(service);
    }
}
