package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.registration;
import static org.jianhu.project.project.ProjectEvents.PROJECT_ID;
import static org.jianhu.project.project.ProjectEvents.registered;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;

class ProjectRegistrationTest {

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void validRegistrationPutsTheProjectOnTheRegister() {
        fixture.givenNoPriorActivity()
                .when(registration().command())
                .expectEvents(registered())
                .expectResultMessagePayload(PROJECT_ID);
    }

    @Test
    void typeOutsideTheOc4idsCodeListIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().type("building").command())
                .expectNoEvents()
                .expectException(invalid("type"));
    }

    @Test
    void missingTypeIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().type(null).command())
                .expectException(invalid("type"));
    }

    @Test
    void blankCodeIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().code("  ").command())
                .expectNoEvents()
                .expectException(invalid("code"));
    }

    @Test
    void zeroBudgetIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().budget(cny("0")).command())
                .expectException(invalid("budget"));
    }

    @Test
    void negativeBudgetIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().budget(cny("-1")).command())
                .expectException(invalid("budget"));
    }

    @Test
    void budgetInAnotherCurrencyThanCnyIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().budget(new Money(new BigDecimal("16000000"), "USD")).command())
                .expectException(invalid("budget"));
    }

    @Test
    void missingBudgetIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().budget(null).command())
                .expectException(invalid("budget"));
    }

    @Test
    void plannedPeriodEndingBeforeItStartsIsInvalid() {
        Period reversed = new Period(LocalDate.of(2027, 2, 28), LocalDate.of(2025, 3, 1));
        fixture.givenNoPriorActivity()
                .when(registration().plannedPeriod(reversed).command())
                .expectException(invalid("plannedPeriod"));
    }

    @Test
    void plannedPeriodWithoutAnEndIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().plannedPeriod(new Period(LocalDate.of(2025, 3, 1), null)).command())
                .expectException(invalid("plannedPeriod"));
    }

    @Test
    void projectWithoutSupervisorsIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().supervisors(List.of()).command())
                .expectException(invalid("supervisors"));
    }

    @Test
    void blankSupervisorIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().supervisors(Arrays.asList("li.ming", " ")).command())
                .expectException(invalid("supervisors"));
    }

    @Test
    void supervisorsAreRecordedOnceEachInOrder() {
        fixture.givenNoPriorActivity()
                .when(registration().supervisors(List.of("wang.fang", "li.ming", "wang.fang")).command())
                .expectEvents(registered());
    }

    @Test
    void aSupervisorWithoutAnAccountIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().supervisors(List.of("li.ming", "sup-nobody")).command())
                .expectNoEvents()
                .expectException(invalid("supervisors", "supervisors: sup-nobody is not a supervisor account"));
    }

    @Test
    void anOwnersAccountCannotBeNamedSupervisor() {
        fixture.givenNoPriorActivity()
                .when(registration().supervisors(List.of(ProjectFixture.OWNER.user())).command())
                .expectException(invalid("supervisors", "supervisors: owner-wang is not a supervisor account"));
    }
}
