package org.jianhu.alert.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jianhu.alert.breaker.Breaker;
import org.jianhu.alert.breaker.BreakerState;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A destination's breaker decides as a plain function of its state, the outcome and the time: no database, no
 * clock of its own, nothing that sends. What stores it and what sends depend on it, never the other way round.
 */
class BreakerIndependenceTest {

    private static final String BREAKER = "org.jianhu.alert.breaker..";

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jianhu.alert");

    @Test
    void theBreakersDecisionDependsOnTheJdkAndItsOwnPackageOnly() {
        classes().that().belongToAnyOf(Breaker.class, BreakerState.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", BREAKER)
                .check(service);
    }

    @Test
    void theBreakerKnowsNothingOfDeliveriesOrSubscriptions() {
        noClasses().that().resideInAPackage(BREAKER)
                .should().dependOnClassesThat().resideInAnyPackage("org.jianhu.alert.delivery..",
                        "org.jianhu.alert.subscription..", "org.jianhu.alert.destination..")
                .check(service);
    }
}
