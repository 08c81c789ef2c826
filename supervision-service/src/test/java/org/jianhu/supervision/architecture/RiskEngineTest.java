package org.jianhu.supervision.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jianhu.servicesupport.input.InputPolicy;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The risk engine — the rules, the facts they judge and the thresholds — is pure domain: plain Java
 * over the contracts' events, testable without Spring, a database or a broker, and blind to how this
 * service feeds it, stores its findings and serves them.
 */
class RiskEngineTest {

    private static final String RISK = "org.jianhu.supervision.risk..";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jianhu.supervision");

    @Test
    void theRiskEngineNeedsOnlyTheJdkTheContractsJacksonAnnotationsAndTheInputPolicy() {
        // Jackson's annotations only: the facts say on themselves that they are stored field by field
        // (@JsonAutoDetect); reading and writing them is FactsFormat's, outside the engine. The input policy
        // (plain Java) is the one home of the bound on amounts, which amount thresholds are held to.
        classes().that().resideInAPackage(RISK)
                .should().onlyDependOnClassesThat(resideInAnyPackage(RISK, "java..", "org.jianhu.contracts..",
                        "com.fasterxml.jackson.annotation..").or(equivalentTo(InputPolicy.class)))
                .check(classes);
    }

    @Test
    void theRiskEngineUsesNoFrameworkNorStorage() {
        noClasses().that().resideInAPackage(RISK)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "java.sql..", "javax.sql..", "com.rabbitmq..", "com.fasterxml.jackson.databind..",
                        "com.fasterxml.jackson.core..", "jakarta..", "javax..")
                .check(classes);
    }

    @Test
    void theRiskEngineKnowsNothingOfTheServiceAroundIt() {
        // consumption, assessment, signal (outbox and relay), register, rule, access, web
        noClasses().that().resideInAPackage(RISK)
                .should().dependOnClassesThat(resideInAPackage("org.jianhu.supervision..")
                        .and(resideOutsideOfPackage(RISK)))
                .check(classes);
    }

    @Test
    void onlyTheConsumptionAndTheSignalRelayTalkToTheBroker() {
        noClasses().that().resideOutsideOfPackages("org.jianhu.supervision.consumption..",
                        "org.jianhu.supervision.signal..")
                .should().dependOnClassesThat().resideInAnyPackage("com.rabbitmq..", "org.springframework.amqp..")
                .check(classes);
    }
}
