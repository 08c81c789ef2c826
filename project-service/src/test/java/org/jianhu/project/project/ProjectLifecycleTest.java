package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectResumed;
import org.jianhu.contracts.project.ProjectSuspended;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.*;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;
import static org.jianhu.project.project.ProjectFixture.rejectedAs;
import static org.jianhu.project.project.RejectedCommand.Reason.CONFLICT;

class ProjectLifecycleTest {

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void approvalIsRecordedAndAnsweredWithTheNewVersion() {
        fixture.given(registered())
                .when(approve())
                .expectEvents(new ProjectApproved(PROJECT_ID, LocalDate.of(2025, 2, 10), "XFG[2025]12"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void approvalAfterWorksStartedIsRecorded() {
        fixture.given(registered(), contractAwarded(), suspended(), resumed())
                .when(approve())
                .expectEvents(approved())
                .expectResultMessagePayload(4L);
    }

    @Test
    void projectIsApprovedOnlyOnce() {
        fixture.given(registered(), approved())
                .when(approve())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void approvalNeedsItsDate() {
        fixture.given(registered())
                .when(new ApproveProjectCommand(PROJECT_ID, null, null, "XFG[2025]12"))
                .expectException(invalid("approvalDate"));
    }

    @Test
    void reassignmentRecordsThePreviousSupervisors() {
        fixture.given(registered())
                .when(reassign(List.of("zhao.lei", "li.ming", "zhao.lei")))
                .expectEvents(new SupervisorsReassigned(PROJECT_ID, List.of("li.ming", "wang.fang"),
                        List.of("li.ming", "zhao.lei"), "li.ming moved to another county"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void reassignmentAfterAnEarlierOneRecordsTheCurrentSupervisorsAsPrevious() {
        fixture.given(registered(), new SupervisorsReassigned(PROJECT_ID, List.of("li.ming", "wang.fang"),
                        List.of("zhao.lei"), "rotation"))
                .when(reassign(List.of("qian.hui")))
                .expectEvents(new SupervisorsReassigned(PROJECT_ID, List.of("zhao.lei"), List.of("qian.hui"),
                        "li.ming moved to another county"));
    }

    @Test
    void reassigningTheSameSupervisorsInAnotherOrderIsAConflict() {
        fixture.given(registered())
                .when(reassign(List.of("wang.fang", "li.ming", "wang.fang")))
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void reassigningNobodyIsInvalid() {
        fixture.given(registered())
                .when(reassign(List.of()))
                .expectException(invalid("supervisors"));
    }

    @Test
    void reassigningToAccountsThatAreNoSupervisorsNamesThemAll() {
        fixture.given(registered())
                .when(reassign(List.of("zhao.lei", "sup-nobody", "owner-wang")))
                .expectNoEvents()
                .expectException(invalid("supervisors",
                        "supervisors: owner-wang, sup-nobody are not supervisor accounts"));
    }

    @Test
    void reassignmentNeedsAReason() {
        fixture.given(registered())
                .when(new ReassignSupervisorsCommand(PROJECT_ID, null, List.of("zhao.lei"), " "))
                .expectException(invalid("reason"));
    }

    @Test
    void suspensionIsRecorded() {
        fixture.given(registered(), approved())
                .when(suspend())
                .expectEvents(new ProjectSuspended(PROJECT_ID, LocalDate.of(2025, 8, 1), "flood season"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void suspendedProjectCannotBeSuspendedAgain() {
        fixture.given(registered(), suspended())
                .when(suspend())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void suspensionNeedsAReason() {
        fixture.given(registered())
                .when(new SuspendProjectCommand(PROJECT_ID, null, LocalDate.of(2025, 8, 1), null))
                .expectException(invalid("reason"));
    }

    @Test
    void suspendedProjectResumes() {
        fixture.given(registered(), suspended())
                .when(resume())
                .expectEvents(new ProjectResumed(PROJECT_ID, LocalDate.of(2025, 9, 15), "flood season over"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void projectThatIsNotSuspendedCannotResume() {
        fixture.given(registered())
                .when(resume())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void resumedProjectCannotResumeAgain() {
        fixture.given(registered(), suspended(), resumed())
                .when(resume())
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void resumedProjectCanBeSuspendedAgain() {
        fixture.given(registered(), suspended(), resumed())
                .when(suspend())
                .expectEvents(suspended());
    }

    @Test
    void cancellationIsRecorded() {
        fixture.given(registered(), approved())
                .when(cancel())
                .expectEvents(new ProjectCancelled(PROJECT_ID, LocalDate.of(2025, 6, 30), "route abandoned"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void suspendedProjectCanBeCancelled() {
        fixture.given(registered(), suspended())
                .when(cancel())
                .expectEvents(cancelled());
    }

    @Test
    void cancellationNeedsADate() {
        fixture.given(registered())
                .when(new CancelProjectCommand(PROJECT_ID, null, null, "route abandoned"))
                .expectException(invalid("date"));
    }

    @Test
    void completionIsRecorded() {
        fixture.given(registered(), approved(), contractAwarded())
                .when(complete())
                .expectEvents(new ProjectCompleted(PROJECT_ID, LocalDate.of(2026, 11, 20), cny("118500000"),
                        "ring road, 12.4 km"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void completionAfterResumptionIsRecorded() {
        fixture.given(registered(), approved(), suspended(), resumed())
                .when(complete())
                .expectEvents(completed());
    }

    @Test
    void suspendedProjectCannotBeCompleted() {
        fixture.given(registered(), approved(), suspended())
                .when(complete())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void zeroFinalValueIsInvalid() {
        fixture.given(registered(), approved())
                .when(complete(cny("0")))
                .expectException(invalid("finalValue"));
    }

    @Test
    void negativeFinalValueIsInvalid() {
        fixture.given(registered(), approved())
                .when(complete(cny("-100")))
                .expectException(invalid("finalValue"));
    }

    @Test
    void completionNeedsItsEndDate() {
        fixture.given(registered(), approved())
                .when(new RecordCompletionCommand(PROJECT_ID, null, null, cny("118500000"), "ring road"))
                .expectException(invalid("endDate"));
    }
}
