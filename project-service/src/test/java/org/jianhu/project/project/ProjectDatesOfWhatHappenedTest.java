package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.ReportRectificationCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ReportProgressCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.award;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.inTheFuture;
import static org.jianhu.project.project.ProjectFixture.project;

/**
 * What happened is dated on or before today (the business date in Asia/Shanghai, {@link ProjectFixture#TODAY}:
 * 2 December 2026): an approval, a suspension, a resumption, a cancellation, a completion, a milestone met,
 * progress observed, a change order, a payment or appropriation, an inspection, a rectification reported or
 * verified (and an award, {@code ProjectContractsTest}). What is planned or due may lie ahead: a milestone's due
 * date, the planned and contract periods, a rectification deadline.
 */
class ProjectDatesOfWhatHappenedTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);
    private static final LocalDate NEXT_YEAR = LocalDate.of(2027, 12, 31);

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void anApprovalDatedTomorrowIsRefused() {
        fixture.given(registered())
                .when(new ApproveProjectCommand(PROJECT_ID, null, TOMORROW, "XFG[2026]99"))
                .expectNoEvents()
                .expectException(inTheFuture("approvalDate", TOMORROW));
    }

    @Test
    void aSuspensionDatedTomorrowIsRefused() {
        fixture.given(registered(), approved())
                .when(new SuspendProjectCommand(PROJECT_ID, null, TOMORROW, "flood season"))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void aResumptionDatedTomorrowIsRefused() {
        fixture.given(registered(), approved(), suspended())
                .when(new ResumeProjectCommand(PROJECT_ID, null, TOMORROW, "flood season over"))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void aCancellationDatedTomorrowIsRefused() {
        fixture.given(registered())
                .when(new CancelProjectCommand(PROJECT_ID, null, TOMORROW, "route abandoned"))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void aCompletionDatedTomorrowIsRefused() {
        fixture.given(registered(), approved())
                .when(new RecordCompletionCommand(PROJECT_ID, null, TOMORROW, cny("118500000"), "ring road"))
                .expectNoEvents()
                .expectException(inTheFuture("endDate", TOMORROW));
    }

    @Test
    void aCompletionDatedTodayIsRecorded() {
        fixture.given(registered(), approved())
                .when(new RecordCompletionCommand(PROJECT_ID, null, TODAY, cny("118500000"), "ring road"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMilestoneMetTomorrowIsRefused() {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID))
                .when(new ReportMilestoneStatusCommand(PROJECT_ID, null, MILESTONE_ID, "met", TOMORROW))
                .expectNoEvents()
                .expectException(inTheFuture("dateMet", TOMORROW));
    }

    @Test
    void aMilestoneMayBeDueInTheFuture() {
        fixture.given(registered())
                .when(new PlanMilestoneCommand(PROJECT_ID, null, "handover", "Handover", "delivery", null,
                        NEXT_YEAR, null))
                .expectEvents(new MilestonePlanned(PROJECT_ID, "handover", "Handover", "delivery", null, NEXT_YEAR,
                        null));
    }

    @Test
    void progressObservedTomorrowIsRefused() {
        fixture.given(registered(), approved())
                .when(new ReportProgressCommand(PROJECT_ID, null, new BigDecimal("40"), TOMORROW))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void aChangeOrderDatedTomorrowIsRefused() {
        fixture.given(registered(), contractAwarded())
                .when(new ModifyContractCommand(PROJECT_ID, null, CONTRACT_ID, "modification-1", TOMORROW, "value",
                        null, "ground survey found a spring", cny("99000000"), null))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void aContractPeriodMayRunIntoTheFutureAndBeExtendedFurther() {
        Period intoNextYear = new Period(LocalDate.of(2026, 1, 1), NEXT_YEAR);
        fixture.given(registered(), approved())
                .when(award().contractPeriod(intoNextYear).command())
                .expectSuccessfulHandlerExecution();
        fixture.given(registered(), contractAwarded())
                .when(new ModifyContractCommand(PROJECT_ID, null, CONTRACT_ID, "modification-1", TODAY, "duration",
                        null, "piles redesigned", null, new Period(CONTRACTED.startDate(), NEXT_YEAR)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPaymentOrAnAppropriationDatedTomorrowIsRefused() {
        fixture.given(registered(), contractAwarded())
                .when(new RecordTransactionCommand(PROJECT_ID, null, "transaction-1", TransactionRecorded.PAYMENT,
                        TOMORROW, cny("5000000"), PAYER, SUPPLIER, CONTRACT_ID, null))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
        fixture.given(registered())
                .when(new RecordTransactionCommand(PROJECT_ID, null, "transaction-1",
                        TransactionRecorded.APPROPRIATION, TOMORROW, cny("5000000"), PAYER, null, null, null))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void anInspectionDatedTomorrowIsRefused() {
        fixture.given(registered())
                .when(new RecordInspectionCommand(PROJECT_ID, null, INSPECTION_ID, INSPECTOR, TOMORROW, "piers",
                        InspectionRecorded.PASSED, null, null))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void aRectificationMayBeDueInTheFuture() {
        fixture.given(registered())
                .when(new RecordInspectionCommand(PROJECT_ID, null, INSPECTION_ID, INSPECTOR, TODAY, "piers",
                        InspectionRecorded.FAILED, "rebar cover too thin", NEXT_YEAR))
                .expectEvents(new InspectionRecorded(PROJECT_ID, INSPECTION_ID, INSPECTOR, TODAY, "piers",
                        InspectionRecorded.FAILED, "rebar cover too thin", NEXT_YEAR));
    }

    @Test
    void aRectificationReportedTomorrowIsRefused() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID))
                .when(new ReportRectificationCommand(PROJECT_ID, null, INSPECTION_ID, TOMORROW, "cover rebuilt"))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void aRectificationVerifiedTomorrowIsRefused() {
        fixture.given(registered(), inspectionFailed(INSPECTION_ID), rectificationReported(INSPECTION_ID))
                .when(new VerifyRectificationCommand(PROJECT_ID, null, INSPECTION_ID, TOMORROW, "li.ming", true,
                        null))
                .expectNoEvents()
                .expectException(inTheFuture("date", TOMORROW));
    }

    @Test
    void todayIsTheBusinessDateInShanghaiNotInUtc() {
        // 17:30 UTC on 2 December is already 01:30 on 3 December in Asia/Shanghai
        Clock earlyOnTheThird = Clock.fixed(Instant.parse("2026-12-02T17:30:00Z"), java.time.ZoneOffset.UTC);
        project(earlyOnTheThird).given(registered())
                .when(new ReportProgressCommand(PROJECT_ID, null, BigDecimal.ONE, TOMORROW))
                .expectSuccessfulHandlerExecution();
    }
}
