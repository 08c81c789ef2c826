package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.project.ContractAwarded;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;
import static org.jianhu.supervision.risk.RuleFixture.condition;
import static org.jianhu.supervision.risk.RuleFixture.evaluate;

class ContractSplittingTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 31);
    private static final String SUBJECT = "supplier:" + BUILDER + ":worksAmount";
    private final ContractSplitting rule = new ContractSplitting();

    private static ProjectHistory twoWorksAwards(String first, String second, int daysApart) {
        return empty()
                .on(FIRST).then(directAward("c-1", "construction", BUILDER, first))
                .on(FIRST.plusDays(daysApart)).then(directAward("c-2", "construction", BUILDER, second));
    }

    @Test
    void twoAwardsUnderTheThresholdReachingItTogetherWithin180DaysAreRed() {
        var red = condition(rule, twoWorksAwards("2000000", "2000000", 179), TODAY, SUBJECT).orElseThrow();

        assertThat(red.level()).isEqualTo(RiskLevel.RED);
        assertThat(red.numbers()).containsEntry("contracts", List.of("c-1", "c-2"));
        assertThat(red.evidence()).containsExactly(101L, 102L);
    }

    @Test
    void awardsTogetherJustUnderTheThresholdAreGreen() {
        assertThat(evaluate(rule, twoWorksAwards("1999999.99", "2000000", 10), TODAY)).isEmpty();
    }

    @Test
    void awards180DaysApartAreNotASplit() {
        assertThat(evaluate(rule, twoWorksAwards("2000000", "2000000", 180), TODAY)).isEmpty();
    }

    @Test
    void anAwardAtTheThresholdIsNotPartOfASplit() {
        assertThat(evaluate(rule, twoWorksAwards("4000000", "100000", 10), TODAY)).isEmpty();
    }

    @Test
    void awardsToDifferentSuppliersAreNotASplit() {
        var history = empty()
                .on(FIRST).then(directAward("c-1", "construction", BUILDER, "2000000"))
                .on(FIRST.plusDays(5)).then(directAward("c-2", "construction", "Other Builder", "2000000"));

        assertThat(evaluate(rule, history, TODAY)).isEmpty();
    }

    @Test
    void servicesAreSplitAgainstTheServicesThreshold() {
        var history = empty()
                .on(FIRST).then(directAward("c-1", "design", BUILDER, "500000"))
                .on(FIRST.plusDays(30)).then(directAward("c-2", "supervision", BUILDER, "500000"));

        assertThat(evaluate(rule, history, TODAY)).singleElement()
                .satisfies(c -> assertThat(c.subject()).isEqualTo("supplier:" + BUILDER + ":servicesAmount"));
    }

    @Test
    void oneSupplierUnderTwoSpellingsOfItsNameIsOneSupplierNamedAsFirstSpelt() {
        var history = empty().on(FIRST).then(
                new ContractAwarded(PROJECT, "c-1", "construction", "direct", 1, null, null,
                        new OrganisationReference("CN-913302", "宁波海兴建设有限公司"),
                        cny("2000000"), null, FIRST),
                new ContractAwarded(PROJECT, "c-2", "construction", "direct", 1, null, null,
                        new OrganisationReference("CN-913302", "海兴建设"),
                        cny("2000000"), null, FIRST.plusDays(30)));

        assertThat(evaluate(rule, history, TODAY)).singleElement().satisfies(red -> {
            assertThat(red.subject()).isEqualTo("supplier:CN-913302:worksAmount");
            assertThat(red.numbers()).containsEntry("supplier", "宁波海兴建设有限公司");
        });
    }
}
