package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.OrganisationReference;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatWinnerTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private final RepeatWinner rule = new RepeatWinner();

    /** {@code count} awards from the same buyer to the same supplier, on different projects, spread evenly. */
    private static List<RepeatWinner.Award> awards(int count, int spanDays) {
        var awards = new ArrayList<RepeatWinner.Award>();
        for (int i = 0; i < count; i++) {
            LocalDate date = FIRST.plusDays(count == 1 ? 0 : (long) spanDays * i / (count - 1));
            awards.add(new RepeatWinner.Award(OrganisationReference.named("Builder Co"), "Water Bureau", date, "p-" + i, "c-" + i, 10L * (count - i)));
        }
        return awards;
    }

    private List<SignalCondition> evaluate(List<RepeatWinner.Award> awards) {
        return rule.evaluate(awards, Thresholds.defaults());
    }

    @Test
    void twoWinsFromOneBuyerAreGreen() {
        assertThat(evaluate(awards(2, 30))).isEmpty();
    }

    @Test
    void threeWinsFromOneBuyerWithin365DaysAreYellow() {
        assertThat(evaluate(awards(3, 364))).singleElement().satisfies(c -> {
            assertThat(c.ruleId()).isEqualTo("R15");
            assertThat(c.subject()).isEqualTo("supplier:Builder Co/buyer:Water Bureau");
            assertThat(c.level()).isEqualTo(RiskLevel.YELLOW);
            assertThat(c.evidence()).containsExactly(10L, 20L, 30L);
            assertThat(c.numbers()).containsEntry("projects", List.of("p-0", "p-1", "p-2"));
        });
    }

    @Test
    void threeWinsSpread365DaysOrMoreAreGreen() {
        assertThat(evaluate(awards(3, 366))).isEmpty();
    }

    @Test
    void fourWinsAreStillYellow() {
        assertThat(evaluate(awards(4, 200))).singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(RiskLevel.YELLOW));
    }

    @Test
    void fiveWinsFromOneBuyerWithin365DaysAreRed() {
        assertThat(evaluate(awards(5, 300))).singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(RiskLevel.RED));
    }

    @Test
    void winsFromDifferentBuyersAreCountedApart() {
        var awards = new ArrayList<>(awards(2, 30));
        awards.add(new RepeatWinner.Award(OrganisationReference.named("Builder Co"), "Road Bureau", FIRST, "p-9", "c-9", 99L));

        assertThat(evaluate(awards)).isEmpty();
    }

    @Test
    void oneSupplierUnderTwoSpellingsIsOneWinnerCountedByItsIdentifierAndNamedAsFirstSpelt() {
        var awards = new ArrayList<RepeatWinner.Award>();
        awards.add(new RepeatWinner.Award(new OrganisationReference("CN-913302", "宁波海兴建设有限公司"), "Water Bureau",
                FIRST, "p-1", "c-1", 1L));
        awards.add(new RepeatWinner.Award(new OrganisationReference("CN-913302", "海兴建设"), "Water Bureau",
                FIRST.plusDays(10), "p-2", "c-2", 2L));
        awards.add(new RepeatWinner.Award(new OrganisationReference("CN-913302", "宁波海兴建设"), "Water Bureau",
                FIRST.plusDays(20), "p-3", "c-3", 3L));
        awards.add(new RepeatWinner.Award(new OrganisationReference("CN-777777", "宁波海兴建设有限公司"), "Water Bureau",
                FIRST.plusDays(30), "p-4", "c-4", 4L));

        assertThat(evaluate(awards)).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("supplier:CN-913302/buyer:Water Bureau");
            assertThat(c.evidence()).containsExactly(1L, 2L, 3L);
            assertThat(c.explanationEn()).contains("\"宁波海兴建设有限公司\"");
        });
    }

    @Test
    void projectFactsOfferTheirAwardsWithTheOwnerAsBuyer() {
        var facts = ProjectHistory.healthy().facts();

        assertThat(facts.awards()).singleElement().satisfies(award -> {
            assertThat(award.buyer()).isEqualTo(ProjectHistory.OWNER);
            assertThat(award.supplierId()).isEqualTo(ProjectHistory.BUILDER);
            assertThat(award.date()).isEqualTo(LocalDate.of(2025, 3, 1));
        });
    }

    @Test
    void theAwardWithWhichTheCountReachedYellowTrippedIt() {
        List<RepeatWinner.Finding> findings = rule.findings(awards(5, 300), Thresholds.defaults());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.condition().level()).isEqualTo(RiskLevel.RED);
            assertThat(finding.condition().subject()).isEqualTo(RepeatWinner.subject("Builder Co", "Water Bureau"));
            assertThat(finding.trippedBy().projectId()).isEqualTo("p-2");
        });
    }
}
