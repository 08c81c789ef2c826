package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiskCatalogueTest {

    private final RiskCatalogue catalogue = RiskCatalogue.standard();

    @Test
    void standardCatalogueHoldsEveryPerProjectIndicatorButRepeatWinner() {
        assertThat(catalogue.rules()).extracting(RiskRule::id).containsExactly(
                "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10",
                "R11", "R12", "R13", "R14", "R16", "R17", "R18");
        assertThat(catalogue.rules()).allSatisfy(rule -> {
            assertThat(rule.version()).isEqualTo(1);
            assertThat(rule.nameZh()).isNotBlank();
            assertThat(rule.nameEn()).isNotBlank();
        });
    }

    @Test
    void repeatWinnerIsListedAndFoundLikeEveryOtherIndicator() {
        assertThat(catalogue.indicators()).extracting(Indicator::id).containsExactly(
                "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10",
                "R11", "R12", "R13", "R14", "R16", "R17", "R18", "R15");
        assertThat(catalogue.indicator("R15")).get().satisfies(repeatWinner -> {
            assertThat(repeatWinner.version()).isEqualTo(1);
            assertThat(repeatWinner.nameZh()).isEqualTo("重复中标");
            assertThat(repeatWinner.nameEn()).isEqualTo("Repeat winner");
        });
        assertThat(catalogue.indicator("R99")).isEmpty();
    }

    @Test
    void everyIndicatorHasDefaultThresholds() {
        assertThat(Thresholds.defaults().asMap())
                .containsKeys(catalogue.indicators().stream().map(Indicator::id).toArray(String[]::new));
    }

    @Test
    void aCatalogueOfOtherRulesStillListsRepeatWinnerLast() {
        RiskRule other = catalogue.rules().get(0);

        assertThat(new RiskCatalogue(List.of(other)).indicators()).extracting(Indicator::id)
                .containsExactly(other.id(), RepeatWinner.ID);
    }

    @Test
    void healthyProjectRaisesNoCondition() {
        var facts = ProjectHistory.healthy().facts();

        assertThat(catalogue.evaluate(facts, Thresholds.defaults(), ProjectHistory.HEALTHY_TODAY)).isEmpty();
    }

    @Test
    void freshProjectWithNoEventsRaisesNoCondition() {
        assertThat(catalogue.evaluate(new ProjectFacts("p-0"), Thresholds.defaults(), LocalDate.of(2025, 1, 1)))
                .isEmpty();
    }

    @Test
    void healthyProjectLeftAloneBecomesOverdueAsTimePasses() {
        var facts = ProjectHistory.healthy().then(ProjectHistory.milestone("m-2", LocalDate.of(2025, 7, 31))).facts();

        assertThat(catalogue.evaluate(facts, Thresholds.defaults(), LocalDate.of(2025, 8, 1)))
                .extracting(SignalCondition::key).containsExactly("R03|milestone:m-2");
    }

    @Test
    void everyConditionListsItsEvidenceAscending() {
        var facts = ProjectHistory.empty()
                .then(ProjectHistory.payment("t-1", LocalDate.of(2025, 1, 1), "100", "Nobody", "c-9", "m-9"))
                .then(ProjectHistory.directAward("c-1", "construction", "Builder Co", "5000000"))
                .then(ProjectHistory.progress("50", LocalDate.of(2025, 1, 2)))
                .facts();

        var conditions = catalogue.evaluate(facts, Thresholds.defaults(), LocalDate.of(2025, 2, 1));

        assertThat(conditions).isNotEmpty().allSatisfy(c -> assertThat(c.evidence()).isSorted().doesNotHaveDuplicates());
    }
}
