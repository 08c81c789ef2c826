package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.common.Money;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.progress.ReportProgressCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.payment;
import static org.jianhu.project.project.ProjectCommands.registration;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;

/** The one input policy, as the project decides with it: what no user means is refused, naming the field. */
class ProjectInputPolicyTest {

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void anIdentifierOfMoreThan64CharactersIsInvalid() {
        fixture.given(registered())
                .when(payment().transactionId("t".repeat(65)).command())
                .expectNoEvents()
                .expectException(invalid("transactionId"));
    }

    @Test
    void anIdentifierWithSpacesIsInvalid() {
        fixture.given(registered())
                .when(new PlanMilestoneCommand(PROJECT_ID, null, "m 1", "Works commence", "delivery", null,
                        LocalDate.of(2025, 5, 15), null))
                .expectException(invalid("milestoneId"));
    }

    @Test
    void aNameWithANulCharacterIsInvalid() {
        fixture.given(registered())
                .when(new PlanMilestoneCommand(PROJECT_ID, null, "m-1", "Works\u0000commence", "delivery", null,
                        LocalDate.of(2025, 5, 15), null))
                .expectException(invalid("title"));
    }

    @Test
    void aNameOfMoreThan200CharactersIsInvalid() {
        fixture.given(registered())
                .when(payment().payee("p".repeat(201)).command())
                .expectException(invalid("payee"));
    }

    @Test
    void anAmountBeyondAQuadrillionIsInvalid() {
        fixture.given(registered())
                .when(payment().value(new Money(new BigDecimal("1e16"), Money.CNY)).command())
                .expectException(invalid("value"));
    }

    @Test
    void aBusinessDateBefore1990IsInvalid() {
        fixture.given(registered())
                .when(new ReportProgressCommand(PROJECT_ID, null, new BigDecimal("10"), LocalDate.of(1989, 12, 31)))
                .expectNoEvents()
                .expectException(invalid("date"));
    }

    @Test
    void aPlannedPeriodEndingAfter2100IsInvalid() {
        fixture.givenNoPriorActivity()
                .when(withPlannedEnd(registration().command(), LocalDate.of(2101, 1, 1)))
                .expectException(invalid("plannedPeriod.endDate"));
    }

    @Test
    void aSupervisorThatIsNoIdentifierIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().supervisors(List.of("sup li")).command())
                .expectException(invalid("supervisors"));
    }

    @Test
    void theLargestValuesThePolicyAllowsAreRecorded() {
        fixture.given(registered())
                .when(payment().transactionId("t".repeat(64)).payee("p".repeat(200))
                        .value(cny("1000000000000000.00")).command())
                .expectSuccessfulHandlerExecution();
    }

    private static RegisterProjectCommand withPlannedEnd(RegisterProjectCommand command, LocalDate end) {
        return new RegisterProjectCommand(command.projectId(), command.code(), command.title(), command.type(),
                command.region(), command.ownerOrganisation(), command.budget(),
                new org.jianhu.contracts.common.Period(command.plannedPeriod().startDate(), end), command.supervisors());
    }
}
