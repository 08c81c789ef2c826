package org.jianhu.project.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain model — the aggregate, its commands and the state it folds — speaks only of projects:
 * no Spring, and none of the service's infrastructure (web, relay, event store, idempotency).
 * Controllers and projections live beside it in the same concept packages, and may. The decisions
 * are plainer still: functions of a command and the project's state, with no framework at all.
 */
class DomainModelTest {

    private static final String[] CONCEPTS = {"org.jianhu.project.project..", "org.jianhu.project.milestone..",
            "org.jianhu.project.progress..", "org.jianhu.project.contract..", "org.jianhu.project.funds..",
            "org.jianhu.project.inspection.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jianhu.project");

    @Test
    void theDomainModelDependsOnNeitherSpringNorInfrastructure() {
        noClasses().that().resideInAnyPackage(CONCEPTS)
                .and().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(Component.class)
                .and().areNotNestedClasses()
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "org.jianhu.project.web..", "org.jianhu.project.relay..", "org.jianhu.project.eventstore..",
                        "org.jianhu.project.idempotency..", "org.jianhu.project.history..")
                .check(classes);
    }

    @Test
    void decisionsAreStatelessFunctionsOfCommandAndStateWithoutAxonOrSpring() {
        classes().that().haveSimpleNameEndingWith("Decisions")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        Stream.concat(Stream.of("java..", "org.jianhu.contracts.."), Stream.of(CONCEPTS))
                                .toArray(String[]::new))
                .andShould().haveOnlyPrivateConstructors()
                .andShould().haveOnlyFinalFields()
                .check(classes);
    }

    @Test
    void onlyTheRelaysTalkToTheBroker() {
        noClasses().that().resideOutsideOfPackages("org.jianhu.project.relay..",
                        "org.jianhu.project.integrity.publishing..")
                .should().dependOnClassesThat().resideInAnyPackage("com.rabbitmq..", "org.springframework.amqp..")
                .check(classes);
    }
}
