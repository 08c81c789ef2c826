package org.jianhu.supervision.risk;

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
}
