package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.planMilestone;
import static org.jianhu.project.project.ProjectCommands.reportMilestone;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;
import static org.jianhu.project.project.ProjectFixture.rejectedAs;
import static org.jianhu.project.project.RejectedCommand.Reason.CONFLICT;
import static org.jianhu.project.project.RejectedCommand.Reason.NOT_FOUND;

class ProjectMilestonesTest {

    private static final LocalDate MET_ON = LocalDate.of(2025, 5, 20);

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void plannedMilestoneIsRecorded() {
        fixture.given(registered(), approved())
                .when(planMilestone(MILESTONE_ID))
                .expectEvents(milestonePlanned(MILESTONE_ID))
                .expectResultMessagePayload(2L);
    }

    @Test
    void paymentMilestoneCarriesItsValue() {
        fixture.given(registered())
                .when(planMilestone("advance", "payment", cny("9800000")))
                .expectEvents(new MilestonePlanned(PROJECT_ID, "advance", "Works commence", "payment", "commencement",
                        LocalDate.of(2025, 5, 15), cny("9800000")));
    }

    @Test
    void milestoneIdIsPlannedOnlyOnce() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(planMilestone(MILESTONE_ID))
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void milestoneTypeOutsideTheOc4idsCodeListIsInvalid() {
        fixture.given(registered())
                .when(planMilestone(MILESTONE_ID, "groundbreaking", null))
                .expectException(invalid("type"));
    }

    @Test
    void nonPositiveMilestoneValueIsInvalid() {
        fixture.given(registered())
                .when(planMilestone(MILESTONE_ID, "payment", cny("0")))
                .expectException(invalid("value"));
    }

    @Test
    void milestoneNeedsADueDate() {
        fixture.given(registered())
                .when(new PlanMilestoneCommand(PROJECT_ID, null, MILESTONE_ID, "Works commence", "delivery",
                        "commencement", null, null))
                .expectException(invalid("dueDate"));
    }

    @Test
    void metMilestoneIsRecordedWithItsDate() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(reportMilestone(MILESTONE_ID, "met", MET_ON))
                .expectEvents(milestoneReported(MILESTONE_ID, "met", MET_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void partiallyMetMilestoneCanLaterBeMet() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID),
                        milestoneReported(MILESTONE_ID, "partiallyMet", null))
                .when(reportMilestone(MILESTONE_ID, "met", MET_ON))
                .expectEvents(milestoneReported(MILESTONE_ID, "met", MET_ON));
    }

    @Test
    void notMetMilestoneIsRecordedWithoutADate() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(reportMilestone(MILESTONE_ID, "notMet", null))
                .expectEvents(milestoneReported(MILESTONE_ID, "notMet", null));
    }

    @Test
    void metMilestoneNeedsTheDateItWasMet() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(reportMilestone(MILESTONE_ID, "met", null))
                .expectNoEvents()
                .expectException(invalid("dateMet"));
    }

    @Test
    void dateMetOnAMilestoneNotMetIsInvalid() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(reportMilestone(MILESTONE_ID, "notMet", MET_ON))
                .expectException(invalid("dateMet"));
    }

    @Test
    void dateMetOnAPartiallyMetMilestoneIsInvalid() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(reportMilestone(MILESTONE_ID, "partiallyMet", MET_ON))
                .expectException(invalid("dateMet"));
    }

    @Test
    void milestoneStatusOutsideTheCodeListIsInvalid() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(reportMilestone(MILESTONE_ID, "scheduled", null))
                .expectException(invalid("status"));
    }

    @Test
    void statusOfAnUnplannedMilestoneIsNotFound() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(reportMilestone("milestone-9", "met", MET_ON))
                .expectNoEvents()
                .expectException(rejectedAs(NOT_FOUND));
    }

    @Test
    void metMilestoneCannotBeReportedAgain() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID), milestoneMet(MILESTONE_ID))
                .when(reportMilestone(MILESTONE_ID, "notMet", null))
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }
}
