package org.jianhu.project.project;

import org.jianhu.contracts.common.OrganisationReference;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.appropriation;
import static org.jianhu.project.project.ProjectCommands.payment;
import static org.jianhu.project.project.ProjectCommands.transaction;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;
import static org.jianhu.project.project.ProjectFixture.rejectedAs;
import static org.jianhu.project.project.RejectedCommand.Reason.CONFLICT;

class ProjectFundsTest {

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void appropriationIsRecorded() {
        var appropriation = appropriation().value(cny("30000000"));
        fixture.given(registered(), approved())
                .when(appropriation.command())
                .expectEvents(appropriation.recorded())
                .expectResultMessagePayload(2L);
    }

    @Test
    void appropriationNeedsNoPayee() {
        var appropriation = appropriation().payee(null);
        fixture.given(registered())
                .when(appropriation.command())
                .expectEvents(appropriation.recorded());
    }

    @Test
    void paymentLinkedToContractAndMilestoneIsRecorded() {
        var payment = payment().contractId(CONTRACT_ID).milestoneId(MILESTONE_ID);
        fixture.given(registered(), approved(), contractAwarded(), milestonePlanned(MILESTONE_ID),
                        milestoneMet(MILESTONE_ID))
                .when(payment.command())
                .expectEvents(payment.recorded())
                .expectResultMessagePayload(5L);
    }

    @Test
    void paymentBeforeApprovalIsRecordedNotRejected() {
        var payment = payment().contractId(CONTRACT_ID);
        fixture.given(registered(), contractAwarded())
                .when(payment.command())
                .expectEvents(payment.recorded());
    }

    @Test
    void paymentMoreThanTheContractValueIsRecordedNotRejected() {
        var payment = payment().transactionId("transaction-2").contractId(CONTRACT_ID).value(cny("60000000"));
        fixture.given(registered(), approved(), contractAwarded(), paid("transaction-1", cny("50000000")))
                .when(payment.command())
                .expectEvents(payment.recorded());
    }

    @Test
    void paymentLinkedToAMilestoneNotYetMetIsRecordedNotRejected() {
        var payment = payment().milestoneId(MILESTONE_ID);
        fixture.given(registered(), approved(), milestonePlanned(MILESTONE_ID))
                .when(payment.command())
                .expectEvents(payment.recorded());
    }

    @Test
    void transactionIdIsRecordedOnlyOnce() {
        fixture.given(registered(), contractAwarded(), paid("transaction-1", cny("5000000")))
                .when(appropriation().transactionId("transaction-1").command())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void zeroAmountIsInvalid() {
        fixture.given(registered())
                .when(payment().value(cny("0")).command())
                .expectNoEvents()
                .expectException(invalid("value"));
    }

    @Test
    void negativeAmountIsInvalid() {
        fixture.given(registered())
                .when(appropriation().value(cny("-5000000")).command())
                .expectException(invalid("value"));
    }

    @Test
    void amountInAnotherCurrencyIsInvalid() {
        fixture.given(registered())
                .when(payment().value(new Money(new BigDecimal("5000"), "USD")).command())
                .expectException(invalid("value"));
    }

    @Test
    void paymentWithoutPayeeIsInvalid() {
        fixture.given(registered())
                .when(payment().payee(null).command())
                .expectException(invalid("payee", "payee is required"));
    }

    @Test
    void aPayeeWithABlankNameIsInvalid() {
        fixture.given(registered())
                .when(payment().payee(new OrganisationReference("CN-1", " ")).command())
                .expectException(invalid("payee.name", "payee.name is required"));
    }

    @Test
    void transactionKindOutsideTheCodeListIsInvalid() {
        fixture.given(registered())
                .when(transaction("refund").command())
                .expectException(invalid("kind"));
    }

    @Test
    void paymentOnAnUnknownContractIsInvalidOnContractId() {
        fixture.given(registered(), contractAwarded())
                .when(payment().contractId("contract-9").command())
                .expectNoEvents()
                .expectException(invalid("contractId"));
    }

    @Test
    void transactionForAnUnknownMilestoneIsInvalidOnMilestoneId() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(payment().milestoneId("milestone-9").command())
                .expectNoEvents()
                .expectException(invalid("milestoneId"));
    }
}
