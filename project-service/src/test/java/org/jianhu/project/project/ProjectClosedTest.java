package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.project.ProjectEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.*;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.project;
import static org.jianhu.project.project.ProjectFixture.rejectedAs;
import static org.jianhu.project.project.RejectedCommand.Reason.CLOSED;

/**
 * A completed or cancelled project takes nothing more. The history holds what each command needs, so
 * that the closing is what rejects it; only resumption needs the project suspended before it closed.
 */
class ProjectClosedTest {

    private final FixtureConfiguration<Project> fixture = project();

    static Stream<Arguments> everyCommand() {
        return Stream.of(
                Arguments.of("approve", approve()),
                Arguments.of("reassign supervisors", reassign(List.of("zhao.lei"))),
                Arguments.of("suspend", suspend()),
                Arguments.of("resume", resume()),
                Arguments.of("cancel", cancel()),
                Arguments.of("record completion", complete()),
                Arguments.of("plan milestone", planMilestone("milestone-2")),
                Arguments.of("report milestone status", reportMilestone(MILESTONE_ID, "met", LocalDate.of(2025, 5, 1))),
                Arguments.of("report progress", reportProgress("40")),
                Arguments.of("award contract", award().contractId("contract-2").command()),
                Arguments.of("modify contract", modify().newContractValue(cny("99000000")).command()),
                Arguments.of("record payment", payment().contractId(CONTRACT_ID).command()),
                Arguments.of("record appropriation", appropriation().command()),
                Arguments.of("record inspection", inspection().inspectionId("inspection-2").command()),
                Arguments.of("report rectification", reportRectification(INSPECTION_ID)),
                Arguments.of("verify rectification", verifyRectification("inspection-reported", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void completedProjectRejectsEveryCommandAsClosed(String name, Object command) {
        fixture.given(historyClosedBy(completed()))
                .when(command)
                .expectNoEvents()
                .expectException(rejectedAs(CLOSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void cancelledProjectRejectsEveryCommandAsClosed(String name, Object command) {
        fixture.given(historyClosedBy(cancelled()))
                .when(command)
                .expectNoEvents()
                .expectException(rejectedAs(CLOSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void projectCancelledWhileSuspendedRejectsEveryCommandAsClosed(String name, Object command) {
        fixture.given(historyClosedBy(suspended(), cancelled()))
                .when(command)
                .expectNoEvents()
                .expectException(rejectedAs(CLOSED));
    }

    private static List<ProjectEvent> historyClosedBy(ProjectEvent... closing) {
        return Stream.concat(Stream.of(registered(), milestonePlanned(MILESTONE_ID), contractAwarded(),
                        inspectionFailed(INSPECTION_ID), inspectionFailed("inspection-reported"),
                        rectificationReported("inspection-reported")), Stream.of(closing))
                .toList();
    }
}
