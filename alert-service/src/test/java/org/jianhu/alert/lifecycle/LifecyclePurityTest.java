package org.jianhu.alert.lifecycle;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The lifecycle decides alone: it knows no framework, database or web, nor any other package of the service. */
class LifecyclePurityTest {

    @Test
    void theLifecycleDependsOnTheJdkOnly() {
        JavaClasses lifecycle = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jianhu.alert.lifecycle");

        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jianhu.alert.lifecycle..")
                .check(lifecycle);
    }
}
