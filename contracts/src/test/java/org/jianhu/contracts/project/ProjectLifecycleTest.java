package org.jianhu.contracts.project;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.contracts.project.ProjectLifecycle.*;

/**
 * Walks every kind of project event through the lifecycle from every place a project can stand. The
 * table below is the specification; a new event type that is not in it fails the first test.
 */
class ProjectLifecycleTest {

    private static final String P = "p-1";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Money AMOUNT = Money.cny("1000");
    private static final Period PERIOD = new Period(DAY, DAY.plusDays(90));

    private static final ProjectLifecycle IDENTIFIED = new ProjectLifecycle(IDENTIFICATION, false);
    private static final ProjectLifecycle PREPARING = new ProjectLifecycle(PREPARATION, false);
    private static final ProjectLifecycle IMPLEMENTING = new ProjectLifecycle(IMPLEMENTATION, false);
    private static final ProjectLifecycle SUSPENDED_IN_PREPARATION = new ProjectLifecycle(PREPARATION, true);
    private static final List<ProjectLifecycle> OPEN = List.of(IDENTIFIED, PREPARING, IMPLEMENTING, SUSPENDED_IN_PREPARATION);

    private static final ContractAwarded WORKS_CONTRACT = new ContractAwarded(P, "c-1", ContractAwarded.CONSTRUCTION,
            ContractAwarded.OPEN, 3, PERIOD, AMOUNT, OrganisationReference.named("supplier"), AMOUNT, PERIOD, DAY);
    private static final ContractAwarded DESIGN_CONTRACT = new ContractAwarded(P, "c-2", ContractAwarded.DESIGN,
            ContractAwarded.OPEN, 3, PERIOD, AMOUNT, OrganisationReference.named("supplier"), AMOUNT, PERIOD, DAY);

    /** For each event: the lifecycle it leaves behind, from each of {@link #OPEN} in turn. */
    private static final Map<ProjectEvent, List<ProjectLifecycle>> AFTER = new LinkedHashMap<>();

    static {
        after(new ProjectRegistered(P, "code", "title", "construction", "region", "org", AMOUNT, PERIOD, List.of("s")),
                IDENTIFIED, IDENTIFIED, IDENTIFIED, IDENTIFIED);
        after(new ProjectApproved(P, DAY, "doc"),
                PREPARING, PREPARING, IMPLEMENTING, SUSPENDED_IN_PREPARATION);
        after(WORKS_CONTRACT,
                IMPLEMENTING, IMPLEMENTING, IMPLEMENTING, new ProjectLifecycle(IMPLEMENTATION, true));
        after(new ProgressReported(P, BigDecimal.TEN, DAY),
                IMPLEMENTING, IMPLEMENTING, IMPLEMENTING, new ProjectLifecycle(IMPLEMENTATION, true));
        after(new ProjectSuspended(P, DAY, "why"),
                new ProjectLifecycle(IDENTIFICATION, true), SUSPENDED_IN_PREPARATION,
                new ProjectLifecycle(IMPLEMENTATION, true), SUSPENDED_IN_PREPARATION);
        after(new ProjectResumed(P, DAY, "why"), IDENTIFIED, PREPARING, IMPLEMENTING, PREPARING);
        after(new ProjectCompleted(P, DAY, AMOUNT, "scope"), closed(COMPLETION));
        after(new ProjectCancelled(P, DAY, "why"), closed(CANCELLED));
        for (ProjectEvent unmoving : List.of(
                new SupervisorsReassigned(P, List.of("a"), List.of("b"), "why"),
                new MilestonePlanned(P, "m-1", "title", "delivery", null, DAY, null),
                new MilestoneStatusReported(P, "m-1", MilestoneStatusReported.MET, DAY),
                DESIGN_CONTRACT,
                new ContractModified(P, "c-1", "mod-1", DAY, ContractModified.SCOPE, "more", "why",
                        null, null, null, null),
                new TransactionRecorded(P, "t-1", TransactionRecorded.PAYMENT, DAY, AMOUNT, OrganisationReference.named("payer"), OrganisationReference.named("payee"),
                        null, null),
                new InspectionRecorded(P, "i-1", OrganisationReference.named("inspector"), DAY, "scope", InspectionRecorded.FAILED, "findings", DAY),
                new RectificationReported(P, "i-1", DAY, "done"),
                new RectificationVerified(P, "i-1", DAY, "verifier", true, null))) {
            after(unmoving, OPEN.toArray(ProjectLifecycle[]::new));
        }
    }

    private static void after(ProjectEvent event, ProjectLifecycle... expected) {
        AFTER.put(event, List.of(expected));
    }

    private static ProjectLifecycle[] closed(String status) {
        ProjectLifecycle closed = new ProjectLifecycle(status, false);
        return new ProjectLifecycle[]{closed, closed, closed, closed};
    }

    @Test
    void everyKindOfProjectEventIsSpecified() {
        Set<Class<?>> specified = AFTER.keySet().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(specified).containsExactlyInAnyOrderElementsOf(Arrays.asList(ProjectEvent.class.getPermittedSubclasses()));
    }

    @Test
    void everyEventMovesTheLifecycleAsSpecified() {
        AFTER.forEach((event, expected) -> {
            for (int i = 0; i < OPEN.size(); i++) {
                assertThat(OPEN.get(i).after(event))
                        .as("%s after %s", OPEN.get(i), event.getClass().getSimpleName())
                        .isEqualTo(expected.get(i));
            }
        });
    }

    @Test
    void onlyAConstructionContractStartsTheWorks() {
        assertThat(startsWorks(WORKS_CONTRACT)).isTrue();
        assertThat(startsWorks(DESIGN_CONTRACT)).isFalse();
        assertThat(startsWorks(new ProgressReported(P, BigDecimal.ZERO, DAY))).isTrue();
    }

    @Test
    void aClosedProjectStaysClosedWhateverFollows() {
        for (String status : List.of(COMPLETION, CANCELLED)) {
            ProjectLifecycle closed = new ProjectLifecycle(status, false);
            AFTER.keySet().stream()
                    .filter(event -> !(event instanceof ProjectRegistered || event instanceof ProjectCompleted
                            || event instanceof ProjectCancelled || event instanceof ProjectSuspended))
                    .forEach(event -> assertThat(closed.after(event).isClosed()).as(event.toString()).isTrue());
        }
        assertThat(IMPLEMENTING.isClosed()).isFalse();
    }

    @Test
    void aHistoryStartingAfterItsRegistrationStillMovesForward() {
        assertThat(UNREGISTERED.after(new ProjectApproved(P, DAY, "doc")).status()).isEqualTo(PREPARATION);
        assertThat(UNREGISTERED.after(WORKS_CONTRACT).status()).isEqualTo(IMPLEMENTATION);
    }

    @Test
    void everyStatusItReachesIsAnOc4idsCode() {
        AFTER.values().stream().flatMap(List::stream)
                .forEach(lifecycle -> assertThat(STATUSES.contains(lifecycle.status())).isTrue());
    }
}
