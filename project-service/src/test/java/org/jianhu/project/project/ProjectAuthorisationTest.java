package org.jianhu.project.project;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jianhu.contracts.project.ProgressReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.jianhu.project.project.ProjectCommands.*;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.ADMIN;
import static org.jianhu.project.project.ProjectFixture.by;
import static org.jianhu.project.project.ProjectFixture.project;

/** Only admins administer a project; only owners of its organisation record its facts. */
class ProjectAuthorisationTest {

    static final Actor OWNER_OF_THE_PROJECT = ProjectFixture.OWNER;
    static final Actor OWNER_OF_ANOTHER_ORGANISATION = new Actor("owner-zhang", Actor.OWNER, "Yuhang Water Works",
            null);
    static final Actor OWNER_OF_NO_ORGANISATION = new Actor("owner-liu", Actor.OWNER, null, null);
    static final Actor NAMED_SUPERVISOR = new Actor("li.ming", Actor.SUPERVISOR, null, "330109");
    static final Actor AUDITOR = new Actor("audit-sun", Actor.AUDITOR, "audit-office", null);
    static final Actor SERVICE = new Actor("supervision-service", Actor.SERVICE, null, null);

    private final FixtureConfiguration<Project> fixture = project();

    static Stream<Actor> everyoneButAnAdmin() {
        return Stream.of(OWNER_OF_THE_PROJECT, OWNER_OF_ANOTHER_ORGANISATION, NAMED_SUPERVISOR, AUDITOR, SERVICE);
    }

    static Stream<Actor> everyoneButTheOwnersOfTheProject() {
        return Stream.of(OWNER_OF_ANOTHER_ORGANISATION, OWNER_OF_NO_ORGANISATION, ADMIN, NAMED_SUPERVISOR, AUDITOR,
                SERVICE);
    }

    static Stream<Object> administration() {
        return Stream.of(approve(), reassign(List.of("zhao.lei")), suspend(), resume(), cancel());
    }

    static Stream<Object> facts() {
        return Stream.of(planMilestone(MILESTONE_ID), reportMilestone(MILESTONE_ID, "met", LocalDate.of(2025, 6, 1)),
                reportProgress("10"), award().command(), modify().command(), payment().command(),
                inspection().command(), reportRectification(INSPECTION_ID), verifyRectification(INSPECTION_ID, true),
                complete());
    }

    @Test
    void anAdminRegistersAProject() {
        fixture.givenNoPriorActivity()
                .when(registration().command(), by(ADMIN))
                .expectEvents(registered());
    }

    @ParameterizedTest
    @MethodSource("everyoneButAnAdmin")
    void onlyAnAdminRegistersAProject(Actor actor) {
        fixture.givenNoPriorActivity()
                .when(registration().command(), by(actor))
                .expectNoEvents()
                .expectException(Forbidden.class)
                .expectExceptionMessage(containsString("only an admin may register a project"));
    }

    @Test
    void anAdminAdministersAProject() {
        fixture.given(registered())
                .when(suspend(), by(ADMIN))
                .expectEvents(suspended());
    }

    @ParameterizedTest
    @MethodSource("administration")
    void theProjectsOwnOwnerDoesNotAdministerIt(Object command) {
        fixture.given(registered(), suspended())
                .when(command, by(OWNER_OF_THE_PROJECT))
                .expectNoEvents()
                .expectException(Forbidden.class)
                .expectExceptionMessage(containsString("only an admin may"));
    }

    @ParameterizedTest
    @MethodSource("everyoneButAnAdmin")
    void onlyAnAdminApprovesAProject(Actor actor) {
        fixture.given(registered())
                .when(approve(), by(actor))
                .expectNoEvents()
                .expectException(Forbidden.class);
    }

    @Test
    void anOwnerOfTheProjectsOrganisationRecordsItsFacts() {
        fixture.given(registered())
                .when(reportProgress("10"), by(OWNER_OF_THE_PROJECT))
                .expectEvents(new ProgressReported(PROJECT_ID, new BigDecimal("10"), LocalDate.of(2025, 10, 1)));
    }

    @ParameterizedTest
    @MethodSource("facts")
    void anOwnerOfAnotherOrganisationRecordsNoFactOfTheProject(Object command) {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID), contractAwarded(), inspectionFailed(INSPECTION_ID))
                .when(command, by(OWNER_OF_ANOTHER_ORGANISATION))
                .expectNoEvents()
                .expectException(Forbidden.class)
                .expectExceptionMessage(containsString("only an owner of the project's owner organisation"));
    }

    @ParameterizedTest
    @MethodSource("facts")
    void anAdminRecordsNoFactOfAProject(Object command) {
        fixture.given(registered(), milestonePlanned(MILESTONE_ID), contractAwarded(), inspectionFailed(INSPECTION_ID))
                .when(command, by(ADMIN))
                .expectNoEvents()
                .expectException(Forbidden.class);
    }

    @Test
    void anAdminImportingTheProjectsHistoryForItsOwnerOrganisationRecordsItsFacts() {
        fixture.given(registered())
                .when(reportProgress("10"), by(ADMIN.importingFor(ProjectEvents.OWNER)))
                .expectEvents(new ProgressReported(PROJECT_ID, new BigDecimal("10"), LocalDate.of(2025, 10, 1)));
    }

    @Test
    void anAdminImportingForAnotherOrganisationRecordsNoFactOfTheProject() {
        fixture.given(registered())
                .when(reportProgress("10"), by(ADMIN.importingFor("Yuhang Water Works")))
                .expectNoEvents()
                .expectException(Forbidden.class);
    }

    @Test
    void onlyAnAdminImportsOnAnOrganisationsBehalf() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OWNER_OF_THE_PROJECT.importingFor(ProjectEvents.OWNER))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void anImportingAdminIsRecordedAsAnAdminOnTheOrganisationsBehalf() {
        Actor importing = ADMIN.importingFor(ProjectEvents.OWNER);

        org.assertj.core.api.Assertions.assertThat(importing.asMetadata())
                .containsEntry("actorRole", Actor.ADMIN)
                .containsEntry("actorOnBehalfOf", ProjectEvents.OWNER);
        org.assertj.core.api.Assertions.assertThat(Actor.fromMetadata(importing.asMetadata())).isEqualTo(importing);
    }

    @ParameterizedTest
    @MethodSource("everyoneButTheOwnersOfTheProject")
    void onlyTheProjectsOwnersReportItsProgress(Actor actor) {
        fixture.given(registered())
                .when(reportProgress("10"), by(actor))
                .expectNoEvents()
                .expectException(Forbidden.class);
    }

    @Test
    void aRefusedActorLearnsNothingOfTheRecord() {
        fixture.given(registered(), cancelled())
                .when(reportProgress("10"), by(OWNER_OF_ANOTHER_ORGANISATION))
                .expectNoEvents()
                .expectException(Forbidden.class);
    }
}
