package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.jianhu.project.project.ProjectCommands.inspection;
import static org.jianhu.project.project.ProjectCommands.reportRectification;
import static org.jianhu.project.project.ProjectCommands.verifyRectification;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;
import static org.jianhu.project.project.ProjectFixture.rejectedAs;
import static org.jianhu.project.project.RejectedCommand.Reason.CONFLICT;
import static org.jianhu.project.project.RejectedCommand.Reason.NOT_FOUND;

class ProjectInspectionsTest {

    private static final LocalDate DEADLINE = LocalDate.of(2025, 7, 31);
    private static final String FINDINGS = "rebar cover too thin";

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void passedInspectionIsRecorded() {
        fixture.given(registered(), contractAwarded())
                .when(inspection().passed().command())
                .expectEvents(inspectionPassed(INSPECTION_ID))
                .expectResultMessagePayload(2L);
    }

    @Test
    void failedInspectionIsRecordedWithFindingsAndDeadline() {
        fixture.given(registered(), contractAwarded())
                .when(inspection().failed(FINDINGS, DEADLINE).command())
                .expectEvents(inspectionFailed(INSPECTION_ID));
    }

    @Test
    void failedInspectionWithoutFindingsIsInvalid() {
        fixture.given(registered())
                .when(inspection().failed(" ", DEADLINE).command())
                .expectNoEvents()
                .expectException(invalid("findings"));
    }

    @Test
    void failedInspectionWithoutRectificationDeadlineIsInvalid() {
        fixture.given(registered())
                .when(inspection().failed(FINDINGS, null).command())
                .expectException(invalid("rectificationDeadline"));
    }

    @Test
    void inspectionResultOutsideTheCodeListIsInvalid() {
        fixture.given(registered())
                .when(inspection().result("conditional").command())
                .expectException(invalid("result"));
    }

    @Test
    void inspectionIdIsRecordedOnlyOnce() {
        fixture.given(registered(), inspectionPassed(INSPECTION_ID))
                .when(inspection().failed(FINDINGS, DEADLINE).command())
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void rectificationOfAFailedInspectionIsRecorded() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID))
                .when(reportRectification(INSPECTION_ID))
                .expectEvents(new RectificationReported(PROJECT_ID, INSPECTION_ID, LocalDate.of(2025, 7, 20),
                        "cover rebuilt"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void passedInspectionNeedsNoRectification() {
        fixture.given(registered(), inspectionPassed(INSPECTION_ID))
                .when(reportRectification(INSPECTION_ID))
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void rectificationOfAnUnknownInspectionIsNotFound() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID))
                .when(reportRectification("inspection-9"))
                .expectException(rejectedAs(NOT_FOUND));
    }

    @Test
    void rectificationAwaitingVerificationCannotBeReportedAgain() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID))
                .when(reportRectification(INSPECTION_ID))
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void reportedRectificationIsVerified() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID))
                .when(verifyRectification(INSPECTION_ID, true))
                .expectEvents(new RectificationVerified(PROJECT_ID, INSPECTION_ID, LocalDate.of(2025, 7, 25),
                        "li.ming", true, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void verificationBeforeAnyRectificationReportIsAConflict() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID))
                .when(verifyRectification(INSPECTION_ID, true))
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void passedInspectionHasNothingToVerify() {
        fixture.given(registered(), inspectionPassed(INSPECTION_ID))
                .when(verifyRectification(INSPECTION_ID, true))
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void verificationOfAnUnknownInspectionIsNotFound() {
        fixture.given(registered())
                .when(verifyRectification(INSPECTION_ID, true))
                .expectException(rejectedAs(NOT_FOUND));
    }

    @Test
    void verificationMustSayWhetherTheRectificationIsAccepted() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID))
                .when(verifyRectification(INSPECTION_ID, null))
                .expectException(invalid("accepted"));
    }

    @Test
    void verificationNeedsTheVerifier() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID))
                .when(new VerifyRectificationCommand(PROJECT_ID, null, INSPECTION_ID, LocalDate.of(2025, 7, 25), null,
                        true, null))
                .expectException(invalid("verifier"));
    }

    @Test
    void rejectedVerificationSendsTheInspectionBackForANewRectificationReport() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID),
                        rectificationVerified(INSPECTION_ID, false))
                .when(reportRectification(INSPECTION_ID))
                .expectEvents(rectificationReported(INSPECTION_ID));
    }

    @Test
    void rejectedVerificationLeavesNothingToVerifyUntilTheNextReport() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID),
                        rectificationVerified(INSPECTION_ID, false))
                .when(verifyRectification(INSPECTION_ID, true))
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void acceptedVerificationClosesTheRectification() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID),
                        rectificationVerified(INSPECTION_ID, true))
                .when(reportRectification(INSPECTION_ID))
                .expectNoEvents()
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void acceptedRectificationIsNotVerifiedTwice() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID),
                        rectificationVerified(INSPECTION_ID, true))
                .when(verifyRectification(INSPECTION_ID, false))
                .expectException(rejectedAs(CONFLICT));
    }

    @Test
    void inspectionsAreRectifiedEachOnItsOwn() {
        InspectionRecorded other = inspectionFailed("inspection-2");
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), other, rectificationReported(INSPECTION_ID))
                .when(reportRectification("inspection-2"))
                .expectEvents(rectificationReported("inspection-2"));
    }
}
