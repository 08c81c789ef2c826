package org.jianhu.project.project;

import org.jianhu.contracts.common.OrganisationReference;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.common.Period;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.*;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;

/**
 * Every field a command carries is held to the service-wide input policy: identifiers chosen by callers, one-line
 * names, free text, amounts and business dates. What the policy refuses is never recorded, so no event can hold a
 * value that a reader, the register or a snapshot cannot take back.
 */
class ProjectInputPolicyTest {

    private static final String ID_64 = "X".repeat(64);
    private static final String ID_65 = "X".repeat(65);

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void aCodeOfSixtyFiveCharactersIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().code(ID_65).command())
                .expectNoEvents()
                .expectException(invalid("code", "code must be 1 to 64 letters, digits or . _ : - (no spaces)"));
    }

    @Test
    void theLongestNamesAndIdentifiersThePolicyAllowsAreRecorded() {
        fixture.givenNoPriorActivity()
                .when(registration().code(ID_64).title("T".repeat(200)).command())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCodeWithASpaceIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().code("XS 2025 001").command())
                .expectException(invalid("code"));
    }

    @Test
    void aNulCharacterInATitleIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().title("Xianghu\u0000ring road").command())
                .expectNoEvents()
                .expectException(invalid("title",
                        "title must not contain control characters; found U+0000 at position 8"));
    }

    @Test
    void aTitleOfTwoHundredAndOneCharactersIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().title("T".repeat(201)).command())
                .expectException(invalid("title", "title must be at most 200 characters, not 201"));
    }

    @Test
    void aBudgetOfTenToTheSixteenIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().budget(cny("1e16")).command())
                .expectNoEvents()
                .expectException(invalid("budget", "budget must be at most 1,000,000,000,000,000"));
    }

    @Test
    void aBudgetOfTenToTheFifteenIsTheLargestAllowed() {
        fixture.givenNoPriorActivity()
                .when(registration().budget(cny("1e15")).command())
                .expectSuccessfulHandlerExecution();
    }

    /** Money keeps amounts to the fen, so no command can carry a third decimal; the API refuses it (ProjectApiIT). */
    @Test
    void anAmountWithAThirdDecimalCannotEvenBeMade() {
        assertThatThrownBy(() -> cny("5.001")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aPlannedPeriodStartingIn1989IsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registration().plannedPeriod(new Period(LocalDate.of(1989, 12, 31), LocalDate.of(2027, 2, 28)))
                        .command())
                .expectException(invalid("plannedPeriod.startDate",
                        "plannedPeriod.startDate must be between 1990-01-01 and 2100-12-31, not 1989-12-31"));
    }

    @Test
    void anApprovalDatedIn1989IsInvalid() {
        fixture.given(registered())
                .when(new ApproveProjectCommand(PROJECT_ID, null, LocalDate.of(1989, 12, 31), "XFG[2025]12"))
                .expectNoEvents()
                .expectException(invalid("approvalDate"));
    }

    @Test
    void aMilestoneIdOfSixtyFiveCharactersIsInvalid() {
        fixture.given(registered())
                .when(planMilestone(ID_65))
                .expectException(invalid("milestoneId"));
    }

    @Test
    void aMilestoneCodeThatIsNoIdentifierIsInvalid() {
        fixture.given(registered())
                .when(new PlanMilestoneCommand(PROJECT_ID, null, MILESTONE_ID, "Works commence", "delivery",
                        "works commence", LocalDate.of(2025, 5, 15), null))
                .expectException(invalid("code"));
    }

    @Test
    void aMilestoneDueAfter2100IsInvalid() {
        fixture.given(registered())
                .when(new PlanMilestoneCommand(PROJECT_ID, null, MILESTONE_ID, "Works commence", "delivery",
                        "commencement", LocalDate.of(2101, 1, 1), null))
                .expectException(invalid("dueDate"));
    }

    @Test
    void aContractIdOfSixtyFiveCharactersIsInvalid() {
        fixture.given(registered())
                .when(award().contractId(ID_65).command())
                .expectException(invalid("contractId"));
    }

    @Test
    void aSupplierOnTwoLinesIsInvalid() {
        fixture.given(registered())
                .when(new AwardContractCommand(PROJECT_ID, null, CONTRACT_ID, "construction", "open", 5, null, null,
                        OrganisationReference.named("Zhejiang\nRoad Works"), cny("98000000"), CONTRACTED, SIGNED))
                .expectException(invalid("supplier.name"));
    }

    @Test
    void aContractValueOfTenToTheSixteenIsInvalid() {
        fixture.given(registered())
                .when(award().contractValue(cny("1e16")).command())
                .expectException(invalid("contractValue"));
    }

    @Test
    void aModificationIdOfSixtyFiveCharactersIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().modificationId(ID_65).newContractValue(cny("99000000")).command())
                .expectException(invalid("modificationId"));
    }

    @Test
    void aDescriptionOfMoreThanFourThousandCharactersIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().description("d".repeat(4001)).newContractValue(cny("99000000")).command())
                .expectException(invalid("description", "description must be at most 4000 characters, not 4001"));
    }

    @Test
    void aTransactionIdOfSixtyFiveCharactersIsInvalid() {
        fixture.given(registered())
                .when(payment().transactionId(ID_65).command())
                .expectException(invalid("transactionId"));
    }

    @Test
    void aPayeeWithANulCharacterIsInvalid() {
        fixture.given(registered())
                .when(payment().payee(OrganisationReference.named("Zhejiang\u0000Road Works")).command())
                .expectException(invalid("payee.name"));
    }

    @Test
    void aPaymentDatedIn1989IsInvalid() {
        fixture.given(registered())
                .when(new RecordTransactionCommand(PROJECT_ID, null, "transaction-1", "payment",
                        LocalDate.of(1989, 6, 1), cny("5000000"), PAYER, SUPPLIER, null, null))
                .expectException(invalid("date"));
    }

    @Test
    void anInspectionIdOfSixtyFiveCharactersIsInvalid() {
        fixture.given(registered())
                .when(inspection().inspectionId(ID_65).command())
                .expectException(invalid("inspectionId"));
    }

    @Test
    void findingsMayRunOverLinesAndTabs() {
        fixture.given(registered())
                .when(inspection().failed("pier 3:\n\tcover too thin", LocalDate.of(2025, 7, 31)).command())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCommentWithAControlCharacterIsInvalid() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID))
                .when(new VerifyRectificationCommand(PROJECT_ID, null, INSPECTION_ID, LocalDate.of(2025, 7, 25),
                        "li.ming", false, "cover still thin\u0007"))
                .expectException(invalid("comment"));
    }

    @Test
    void aReasonOfMoreThanFourThousandCharactersIsInvalid() {
        fixture.given(registered())
                .when(new SuspendProjectCommand(PROJECT_ID, null, LocalDate.of(2025, 8, 1), "r".repeat(4001)))
                .expectException(invalid("reason"));
    }
}
