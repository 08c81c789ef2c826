package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.award;
import static org.jianhu.project.project.ProjectCommands.modify;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;
import static org.jianhu.project.project.ProjectFixture.rejectedAs;
import static org.jianhu.project.project.RejectedCommand.Reason.CONFLICT;
import static org.jianhu.project.project.RejectedCommand.Reason.NOT_FOUND;

class ProjectContractsTest {

    private static final LocalDate MODIFIED_ON = LocalDate.of(2025, 9, 1);
    private static final String RATIONALE = "ground survey found a spring";

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void awardedContractIsRecorded() {
        fixture.given(registered(), approved())
                .when(award().command())
                .expectEvents(contractAwarded())
                .expectResultMessagePayload(2L);
    }

    @Test
    void anAwardWithoutTheDateItWasSignedIsInvalid() {
        fixture.given(registered(), approved())
                .when(award().dateSigned(null).command())
                .expectNoEvents()
                .expectException(invalid("dateSigned", "dateSigned is required"));
    }

    @Test
    void anAwardSignedTomorrowIsInvalid() {
        fixture.given(registered(), approved())
                .when(award().dateSigned(LocalDate.of(2026, 12, 3)).command())
                .expectNoEvents()
                .expectException(invalid("dateSigned",
                        "dateSigned is in the future: 2026-12-03 is after today, 2026-12-02"));
    }

    @Test
    void anAwardSignedTodayIsRecorded() {
        fixture.given(registered(), approved())
                .when(award().dateSigned(LocalDate.of(2026, 12, 2)).command())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSupplierIsRecordedAsAPartyWithItsIdentifierAndName() {
        var supplier = new OrganisationReference("CN-USCC-91330206MA2AB1234X", "宁波海兴建设有限公司");
        ContractAwarded usual = contractAwarded();
        fixture.given(registered(), approved())
                .when(award().supplier(supplier).command())
                .expectEvents(new ContractAwarded(usual.projectId(), usual.contractId(), usual.nature(),
                        usual.procurementMethod(), usual.numberOfTenderers(), usual.tenderPeriod(),
                        usual.costEstimate(), supplier, usual.contractValue(), usual.contractPeriod(),
                        usual.dateSigned()));
    }

    @Test
    void singleBidIsRecordedNotRejected() {
        fixture.given(registered(), approved())
                .when(award().numberOfTenderers(1).command())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void contractAwardedBeforeApprovalIsRecordedNotRejected() {
        fixture.given(registered())
                .when(award().command())
                .expectEvents(contractAwarded());
    }

    @Test
    void contractIdIsAwardedOnlyOnce() {
        fixture.given(registered(), contractAwarded())
                .when(award().contractValue(cny("1000")).command())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void awardWithoutTenderersIsInvalid() {
        fixture.given(registered())
                .when(award().numberOfTenderers(0).command())
                .expectNoEvents()
                .expectException(invalid("numberOfTenderers"));
    }

    @Test
    void awardNeedsTheNumberOfTenderers() {
        fixture.given(registered())
                .when(award().numberOfTenderers(null).command())
                .expectException(invalid("numberOfTenderers"));
    }

    @Test
    void procurementMethodOutsideTheOcdsCodeListIsInvalid() {
        fixture.given(registered())
                .when(award().procurementMethod("negotiated").command())
                .expectException(invalid("procurementMethod"));
    }

    @Test
    void contractNatureOutsideTheCodeListIsInvalid() {
        fixture.given(registered())
                .when(award().nature("goods").command())
                .expectException(invalid("nature"));
    }

    @Test
    void zeroContractValueIsInvalid() {
        fixture.given(registered())
                .when(award().contractValue(cny("0")).command())
                .expectException(invalid("contractValue"));
    }

    @Test
    void negativeContractValueIsInvalid() {
        fixture.given(registered())
                .when(award().contractValue(cny("-98000000")).command())
                .expectException(invalid("contractValue"));
    }

    @Test
    void contractValueInAnotherCurrencyIsInvalid() {
        fixture.given(registered())
                .when(award().contractValue(new Money(new BigDecimal("1000"), "EUR")).command())
                .expectException(invalid("contractValue"));
    }

    @Test
    void tenderPeriodEndingBeforeItStartsIsInvalid() {
        fixture.given(registered())
                .when(award().tenderPeriod(new Period(LocalDate.of(2025, 4, 10), LocalDate.of(2025, 3, 10)))
                        .command())
                .expectException(invalid("tenderPeriod"));
    }

    @Test
    void valueChangeRecordsTheOldValueFromTheRecord() {
        fixture.given(registered(), contractAwarded())
                .when(modify().newContractValue(cny("105000000")).command())
                .expectEvents(new ContractModified(PROJECT_ID, CONTRACT_ID, "modification-1", MODIFIED_ON, "value",
                        "extra drainage", RATIONALE, cny("98000000"), cny("105000000"), null, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void valueChangeAfterAnEarlierOneRecordsTheModifiedValueAsOld() {
        fixture.given(registered(), contractAwarded(),
                        valueModified("modification-1", cny("98000000"), cny("105000000")))
                .when(modify().modificationId("modification-2").newContractValue(cny("99000000")).command())
                .expectEvents(new ContractModified(PROJECT_ID, CONTRACT_ID, "modification-2", MODIFIED_ON, "value",
                        "extra drainage", RATIONALE, cny("105000000"), cny("99000000"), null, null));
    }

    @Test
    void aChangeOrderIdRecordedBeforeIsAConflict() {
        fixture.given(registered(), contractAwarded(),
                        valueModified("modification-1", cny("98000000"), cny("105000000")))
                .when(modify().modificationId("modification-1").newContractValue(cny("99000000")).command())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void valueChangeWithoutTheNewValueIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().type("value").newContractValue(null).command())
                .expectNoEvents()
                .expectException(invalid("newContractValue"));
    }

    @Test
    void valueChangeToZeroIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().newContractValue(cny("0")).command())
                .expectException(invalid("newContractValue"));
    }

    @Test
    void durationChangeRecordsOldAndNewPeriodAndNoValues() {
        Period extended = new Period(CONTRACTED.startDate(), LocalDate.of(2027, 3, 31));
        fixture.given(registered(), contractAwarded())
                .when(modify().type("duration").newContractValue(cny("1")).newContractPeriod(extended).command())
                .expectEvents(new ContractModified(PROJECT_ID, CONTRACT_ID, "modification-1", MODIFIED_ON, "duration",
                        "extra drainage", RATIONALE, null, null, CONTRACTED, extended));
    }

    @Test
    void durationChangeAfterAnEarlierOneRecordsTheModifiedPeriodAsOld() {
        Period extended = new Period(CONTRACTED.startDate(), LocalDate.of(2027, 3, 31));
        Period extendedAgain = new Period(CONTRACTED.startDate(), LocalDate.of(2027, 6, 30));
        fixture.given(registered(), contractAwarded(),
                        new ContractModified(PROJECT_ID, CONTRACT_ID, "modification-1", MODIFIED_ON, "duration",
                                null, RATIONALE, null, null, CONTRACTED, extended))
                .when(modify().modificationId("modification-2").type("duration").newContractPeriod(extendedAgain)
                        .command())
                .expectEvents(new ContractModified(PROJECT_ID, CONTRACT_ID, "modification-2", MODIFIED_ON, "duration",
                        "extra drainage", RATIONALE, null, null, extended, extendedAgain));
    }

    @Test
    void durationChangeWithoutTheNewPeriodIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().type("duration").command())
                .expectException(invalid("newContractPeriod"));
    }

    @Test
    void durationChangeToAPeriodEndingBeforeItStartsIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().type("duration")
                        .newContractPeriod(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1))).command())
                .expectException(invalid("newContractPeriod"));
    }

    @Test
    void scopeChangeIsRecordedWithItsDescription() {
        fixture.given(registered(), contractAwarded())
                .when(modify().type("scope").description("add a cycle lane").command())
                .expectEvents(new ContractModified(PROJECT_ID, CONTRACT_ID, "modification-1", MODIFIED_ON, "scope",
                        "add a cycle lane", RATIONALE, null, null, null, null));
    }

    @Test
    void scopeChangeWithoutADescriptionIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().type("scope").description(" ").command())
                .expectNoEvents()
                .expectException(invalid("description"));
    }

    @Test
    void modificationTypeOutsideTheCodeListIsInvalid() {
        fixture.given(registered(), contractAwarded())
                .when(modify().type("price").newContractValue(cny("99000000")).command())
                .expectException(invalid("type"));
    }

    @Test
    void modificationOfAnUnknownContractIsNotFound() {
        fixture.given(registered(), contractAwarded())
                .when(modify().contractId("contract-9").newContractValue(cny("99000000")).command())
                .expectNoEvents()
                .expectException(rejectedAs(NOT_FOUND));
    }

    @Test
    void valueChangeAppliesToTheNamedContractOnly() {
        ContractAwarded design = contractAwarded("design-1", cny("3000000"));
        fixture.given(registered(), design, contractAwarded())
                .when(modify().newContractValue(cny("99000000")).command())
                .expectEvents(new ContractModified(PROJECT_ID, CONTRACT_ID, "modification-1", MODIFIED_ON, "value",
                        "extra drainage", RATIONALE, cny("98000000"), cny("99000000"), null, null));
    }
}
