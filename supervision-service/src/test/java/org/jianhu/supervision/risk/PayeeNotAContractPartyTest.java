package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.TransactionRecorded;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.evaluate;

class PayeeNotAContractPartyTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private final PayeeNotAContractParty rule = new PayeeNotAContractParty();

    private static ProjectHistory paidTo(String payee) {
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(works("c-1", BUILDER, "10000000"))
                .then(payment("t-1", TODAY, "100000", payee, "c-1", null));
    }

    @Test
    void paymentToTheSupplierRaisesNothing() {
        assertThat(evaluate(rule, paidTo(BUILDER), TODAY)).isEmpty();
    }

    @Test
    void paymentToSomeoneWhoSuppliesNoContractIsRed() {
        assertThat(evaluate(rule, paidTo("Cousin Trading Ltd"), TODAY)).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("payment:t-1");
            assertThat(c.level()).isEqualTo(RiskLevel.RED);
            assertThat(c.numbers()).containsEntry("payee", "Cousin Trading Ltd");
            assertThat(c.evidence()).containsExactly(103L);
        });
    }

    private static ProjectHistory awardedTo(OrganisationReference supplier, OrganisationReference payee) {
        ContractAwarded works = works("c-1", BUILDER, "10000000");
        TransactionRecorded paid = payment("t-1", TODAY, "100000", BUILDER, "c-1", null);
        return empty()
                .then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .then(new ContractAwarded(PROJECT, "c-1", works.nature(), works.procurementMethod(),
                        works.numberOfTenderers(), works.tenderPeriod(), works.costEstimate(), supplier,
                        works.contractValue(), works.contractPeriod(), LocalDate.of(2025, 3, 1)))
                .then(new TransactionRecorded(PROJECT, "t-1", paid.kind(), paid.date(), paid.value(), paid.payer(),
                        payee, "c-1", null));
    }

    @Test
    void theSupplierUnderAnotherSpellingOfItsNameIsAContractParty() {
        var history = awardedTo(new OrganisationReference("CN-913302", "宁波海兴建设有限公司"),
                new OrganisationReference("CN-913302", "海兴建设"));

        assertThat(evaluate(rule, history, TODAY)).isEmpty();
    }

    @Test
    void anotherPartyOfTheSupplierNameIsNoContractPartyAndIsNamedInTheExplanation() {
        var history = awardedTo(new OrganisationReference("CN-913302", "宁波海兴建设有限公司"),
                new OrganisationReference("CN-555555", "宁波海兴建设有限公司"));

        assertThat(evaluate(rule, history, TODAY)).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(RiskLevel.RED);
            assertThat(c.numbers()).containsEntry("payee", "宁波海兴建设有限公司");
            assertThat(c.explanationEn()).contains("\"宁波海兴建设有限公司\"");
        });
    }
}
