package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.project.progress.ReportProgressCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.jianhu.project.project.ProjectCommands.reportProgress;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.invalid;
import static org.jianhu.project.project.ProjectFixture.project;

class ProjectProgressTest {

    private final FixtureConfiguration<Project> fixture = project();

    @Test
    void progressObservationIsRecorded() {
        fixture.given(registered(), approved(), contractAwarded())
                .when(reportProgress("42.5"))
                .expectEvents(new ProgressReported(PROJECT_ID, new BigDecimal("42.5"), LocalDate.of(2025, 10, 1)))
                .expectResultMessagePayload(3L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "100.00"})
    void progressFromNoneToAllOfTheWorksIsAccepted(String percent) {
        fixture.given(registered())
                .when(reportProgress(percent))
                .expectEvents(new ProgressReported(PROJECT_ID, new BigDecimal(percent), LocalDate.of(2025, 10, 1)));
    }

    @Test
    void progressReportedBeforeApprovalIsRecordedNotRejected() {
        fixture.given(registered())
                .when(reportProgress("15"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.01", "120", "-0.01", "-5"})
    void progressOutsideZeroToHundredPercentIsInvalid(String percent) {
        fixture.given(registered())
                .when(reportProgress(percent))
                .expectNoEvents()
                .expectException(invalid("physicalProgress"));
    }

    @Test
    void progressNeedsTheDateOfTheObservation() {
        fixture.given(registered())
                .when(new ReportProgressCommand(PROJECT_ID, null, new BigDecimal("40"), null))
                .expectException(invalid("date"));
    }
}
