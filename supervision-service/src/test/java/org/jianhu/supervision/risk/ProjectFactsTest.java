package org.jianhu.supervision.risk;

import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.ProjectResumed;
import org.jianhu.contracts.project.ProjectSuspended;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;

class ProjectFactsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    private static ProjectHistory registeredProject() {
        return empty().then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void registrationGivesIdentityBudgetAndPlanInIdentification() {
        var facts = registeredProject().facts();

        assertThat(facts.projectId()).isEqualTo(PROJECT);
        assertThat(facts.code()).isEqualTo("JH-2025-001");
        assertThat(facts.ownerOrganisation()).isEqualTo(OWNER);
        assertThat(facts.supervisors()).containsExactly("supervisor-1");
        assertThat(facts.budget()).isEqualTo(cny("20000000"));
        assertThat(facts.plannedPeriod().endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(facts.status()).isEqualTo(ProjectLifecycle.IDENTIFICATION);
        assertThat(facts.registrationPosition()).isEqualTo(101L);
    }

    @Test
    void approvalMovesTheProjectToPreparation() {
        var facts = registeredProject().then(approved(DAY)).facts();

        assertThat(facts.status()).isEqualTo(ProjectLifecycle.PREPARATION);
        assertThat(facts.approval().date()).isEqualTo(DAY);
        assertThat(facts.approval().position()).isEqualTo(102L);
    }

    @Test
    void designAwardKeepsPreparationButConstructionAwardStartsImplementation() {
        var history = registeredProject().then(approved(DAY))
                .then(directAward("d-1", "design", "Design Institute", "500000"));
        assertThat(history.facts().status()).isEqualTo(ProjectLifecycle.PREPARATION);

        history.then(works("c-1", BUILDER, "10000000"));
        assertThat(history.facts().status()).isEqualTo(ProjectLifecycle.IMPLEMENTATION);
    }

    @Test
    void reportedProgressStartsImplementation() {
        var facts = registeredProject().then(approved(DAY)).then(progress("1", DAY)).facts();

        assertThat(facts.status()).isEqualTo(ProjectLifecycle.IMPLEMENTATION);
        assertThat(facts.firstProgress().percent()).isEqualByComparingTo("1");
    }

    @Test
    void suspensionIsAFlagBesideTheStatus() {
        var history = healthy().then(new ProjectSuspended(PROJECT, DAY, "安全整顿"));
        assertThat(history.facts().suspended()).isTrue();
        assertThat(history.facts().status()).isEqualTo(ProjectLifecycle.IMPLEMENTATION);

        history.then(new ProjectResumed(PROJECT, DAY.plusDays(7), "整顿完成"));
        assertThat(history.facts().suspended()).isFalse();
        assertThat(history.facts().suspensions()).hasSize(1);
    }

    @Test
    void completionAndCancellationEndTheLifecycle() {
        assertThat(healthy().then(completed(DAY, "9800000")).facts().status()).isEqualTo(ProjectLifecycle.COMPLETION);
        assertThat(healthy().then(new ProjectCancelled(PROJECT, DAY, "撤销")).facts().status())
                .isEqualTo(ProjectLifecycle.CANCELLED);
    }

    @Test
    void supervisorsAreReplacedByReassignment() {
        var facts = registeredProject()
                .then(new SupervisorsReassigned(PROJECT, List.of("supervisor-1"), List.of("supervisor-2"), "轮岗"))
                .facts();

        assertThat(facts.supervisors()).containsExactly("supervisor-2");
    }

    @Test
    void awardDateIsTheAwardsDateSignedWheneverItWasRecorded() {
        var facts = empty().on(LocalDate.of(2026, 12, 2)).then(signed(works("c-1", BUILDER, "1000000"), DAY))
                .facts();

        assertThat(facts.contract("c-1").orElseThrow().awardDate()).isEqualTo(DAY);
    }

    @Test
    void contractKeepsOriginalAndCurrentValueAndItsModifications() {
        var contract = registeredProject().then(works("c-1", BUILDER, "1000000"))
                .then(valueChange("c-1", "v-1", DAY, "1000000", "1100000"))
                .facts().contract("c-1").orElseThrow();

        assertThat(contract.originalValue()).isEqualTo(cny("1000000"));
        assertThat(contract.currentValue()).isEqualTo(cny("1100000"));
        assertThat(contract.modifications()).singleElement().satisfies(m -> {
            assertThat(m.valueChange()).isEqualByComparingTo("100000");
            assertThat(m.position()).isEqualTo(103L);
        });
        assertThat(contract.supplierName()).isEqualTo(BUILDER);
        assertThat(contract.numberOfTenderers()).isEqualTo(5);
    }

    @Test
    void transactionsAddUpPerProjectAndPerContract() {
        var facts = registeredProject().then(works("c-1", BUILDER, "10000000"))
                .then(appropriation("a-1", DAY, "5000000", null))
                .then(appropriation("a-2", DAY, "1000000", "c-1"))
                .then(payment("t-1", DAY, "2000000", BUILDER, "c-1", null))
                .then(payment("t-2", DAY, "500000", BUILDER, null, null))
                .facts();

        assertThat(facts.appropriatedTotal()).isEqualTo(cny("6000000"));
        assertThat(facts.paidTotal()).isEqualTo(cny("2500000"));
        assertThat(facts.contract("c-1").orElseThrow().paid()).isEqualTo(cny("2000000"));
        assertThat(facts.contract("c-1").orElseThrow().appropriated()).isEqualTo(cny("1000000"));
        assertThat(facts.payments()).extracting(PaymentFact::position).containsExactly(105L, 106L);
        assertThat(facts.financialProgressPercent()).isEqualByComparingTo("25");
    }

    @Test
    void financialProgressIsPaidOverCurrentContractValues() {
        var facts = registeredProject().then(works("c-1", BUILDER, "1000000"))
                .then(payment("t-1", DAY, "300000", BUILDER, "c-1", null))
                .then(valueChange("c-1", "v-1", DAY, "1000000", "1200000"))
                .facts();

        assertThat(facts.financialProgressPercent()).isEqualByComparingTo("25");
    }

    @Test
    void latestProgressIsTheLastReported() {
        var facts = registeredProject().then(progress("10", DAY), progress("35", DAY.plusDays(30))).facts();

        assertThat(facts.latestProgress().percent()).isEqualByComparingTo(new BigDecimal("35"));
        assertThat(facts.latestProgress().position()).isEqualTo(103L);
        assertThat(facts.firstProgress().position()).isEqualTo(102L);
    }

    @Test
    void milestoneRemembersItsStatusDateMetAndEvidence() {
        var milestone = registeredProject().then(milestone("m-1", DAY), met("m-1", DAY.minusDays(1)))
                .facts().milestone("m-1").orElseThrow();

        assertThat(milestone.isMet()).isTrue();
        assertThat(milestone.dateMet()).isEqualTo(DAY.minusDays(1));
        assertThat(milestone.positions()).containsExactly(102L, 103L);
    }

    @Test
    void inspectionGoesThroughRectificationToVerified() {
        var history = registeredProject().then(failedInspection("i-1", DAY, DAY.plusDays(30)));
        assertThat(inspection(history).rectificationStatus()).isEqualTo(InspectionFacts.AWAITING);

        history.then(new RectificationReported(PROJECT, "i-1", DAY.plusDays(10), "已整改"));
        assertThat(inspection(history).rectificationStatus()).isEqualTo(InspectionFacts.REPORTED);

        history.then(new RectificationVerified(PROJECT, "i-1", DAY.plusDays(12), "supervisor-1", false, "不合格"));
        assertThat(inspection(history).rectificationStatus()).isEqualTo(InspectionFacts.AWAITING);

        history.then(new RectificationReported(PROJECT, "i-1", DAY.plusDays(20), "再次整改"),
                new RectificationVerified(PROJECT, "i-1", DAY.plusDays(21), "supervisor-1", true, "合格"));
        assertThat(inspection(history).isRectificationVerified()).isTrue();
        assertThat(inspection(history).rectificationVerifiedOn()).isEqualTo(DAY.plusDays(21));
        assertThat(inspection(history).positions()).containsExactly(102L, 103L, 104L, 105L, 106L);
    }

    @Test
    void completionKeepsEndDateAndFinalValue() {
        var completion = healthy().then(completed(DAY, "9800000")).facts().completion();

        assertThat(completion.endDate()).isEqualTo(DAY);
        assertThat(completion.finalValue()).isEqualTo(cny("9800000"));
    }

    private static InspectionFacts inspection(ProjectHistory history) {
        return history.facts().inspection("i-1").orElseThrow();
    }
}
