package org.jianhu.project.project;

import org.axonframework.commandhandling.CommandHandler;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.project.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Executable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectCommands.*;
import static org.jianhu.project.project.ProjectEvents.*;
import static org.jianhu.project.project.ProjectFixture.ACCOUNTS;
import static org.jianhu.project.project.ProjectFixture.ADMIN;
import static org.jianhu.project.project.ProjectFixture.OWNER;

/**
 * The routing of every command on a project, as a plain function: the aggregate and an import's dry run both
 * decide through it. What each decision records is the fixture tests' ({@code Project*Test}); here, that each
 * command reaches its own decision, that who may send it is asked first and whether the project is open next, and
 * that today and the supervisor accounts are the ones it is handed.
 */
class ProjectDeciderTest {

    private static final LocalDate TODAY = BusinessCalendar.dateOf(ProjectFixture.TODAY.instant());
    private static final Actor OWNER_OF_ANOTHER_ORGANISATION = new Actor("owner-zhang", Actor.OWNER,
            "Yuhang Water Works", null);

    /** Every command on a registered project, with the event its decision answers. */
    static Stream<Arguments> everyCommandOnAProject() {
        return Stream.of(
                Arguments.of(approve(), ProjectApproved.class),
                Arguments.of(reassign(List.of("zhao.lei")), SupervisorsReassigned.class),
                Arguments.of(suspend(), ProjectSuspended.class),
                Arguments.of(resume(), ProjectResumed.class),
                Arguments.of(cancel(), ProjectCancelled.class),
                Arguments.of(complete(), ProjectCompleted.class),
                Arguments.of(planMilestone("milestone-2"), MilestonePlanned.class),
                Arguments.of(reportMilestone(MILESTONE_ID, "met", LocalDate.of(2025, 5, 1)),
                        MilestoneStatusReported.class),
                Arguments.of(reportProgress("40"), ProgressReported.class),
                Arguments.of(award().contractId("contract-2").command(), ContractAwarded.class),
                Arguments.of(modify().newContractValue(cny("99000000")).command(), ContractModified.class),
                Arguments.of(payment().contractId(CONTRACT_ID).command(), TransactionRecorded.class),
                Arguments.of(inspection().inspectionId("inspection-2").command(), InspectionRecorded.class),
                Arguments.of(reportRectification(INSPECTION_ID), RectificationReported.class),
                Arguments.of(verifyRectification("inspection-reported", true), RectificationVerified.class));
    }

    static Stream<Object> everyCommandOnAProjectAlone() {
        return everyCommandOnAProject().map(arguments -> arguments.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAProject")
    void eachCommandReachesTheDecisionThatAnswersItsEvent(Object command, Class<? extends ProjectEvent> answered) {
        ProjectState project = command instanceof ResumeProjectCommand ? projectOf(suspended()) : projectOf();

        ProjectEvent decided = ProjectDecider.decide(command, project, entitledTo(command), TODAY, ACCOUNTS);

        assertThat(decided).isInstanceOf(answered);
        assertThat(decided.projectId()).isEqualTo(PROJECT_ID);
    }

    @Test
    void aRegistrationIsDecidedWithoutAProjectByAnAdmin() {
        assertThat(ProjectDecider.decide(registration().command(), null, ADMIN, TODAY, ACCOUNTS))
                .isEqualTo(registered());
        assertThatThrownBy(() -> ProjectDecider.decide(registration().command(), null, OWNER, TODAY, ACCOUNTS))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aRegisteredProjectIsNotRegisteredAgain() {
        assertThatThrownBy(() -> ProjectDecider.decide(registration().command(), projectOf(), ADMIN, TODAY, ACCOUNTS))
                .isInstanceOfSatisfying(RejectedCommand.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectedCommand.Reason.CONFLICT));
    }

    @Test
    void everyCommandTheProjectHandlesIsRoutedHere() {
        Set<Class<?>> handled = Stream.concat(Stream.of(Project.class.getDeclaredMethods()),
                        Stream.of(Project.class.getDeclaredConstructors()))
                .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                .map(Executable::getParameterTypes)
                .map(parameters -> parameters[0])
                .collect(Collectors.toSet());
        Set<Class<?>> routed = Stream.concat(everyCommandOnAProjectAlone(), Stream.of(registration().command()))
                .map(Object::getClass)
                .collect(Collectors.toSet());

        assertThat(routed).isEqualTo(handled);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAProjectAlone")
    void aCompletedOrCancelledProjectRefusesEveryCommandAsClosed(Object command) {
        assertThatThrownBy(() -> ProjectDecider.decide(command, projectOf(suspended(), cancelled()),
                entitledTo(command), TODAY, ACCOUNTS))
                .isInstanceOfSatisfying(RejectedCommand.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectedCommand.Reason.CLOSED));
        assertThatThrownBy(() -> ProjectDecider.decide(command, projectOf(completed()), entitledTo(command), TODAY,
                ACCOUNTS))
                .isInstanceOfSatisfying(RejectedCommand.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectedCommand.Reason.CLOSED));
    }

    /** A refused actor learns nothing of the record, not even that the project is closed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAProjectAlone")
    void whoMaySendTheCommandIsAskedBeforeWhetherTheProjectIsOpen(Object command) {
        Actor wrongActor = command instanceof ProjectAdministration ? OWNER : OWNER_OF_ANOTHER_ORGANISATION;

        assertThatThrownBy(() -> ProjectDecider.decide(command, projectOf(completed()), wrongActor, TODAY, ACCOUNTS))
                .isInstanceOf(Forbidden.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnAProjectAlone")
    void administrationIsAnAdminsAndFactsAreTheOwnersOrAnImportOnTheirBehalf(Object command) {
        Actor wrongActor = command instanceof ProjectAdministration ? OWNER : ADMIN;
        ProjectState project = command instanceof ResumeProjectCommand ? projectOf(suspended()) : projectOf();

        assertThatThrownBy(() -> ProjectDecider.decide(command, project, wrongActor, TODAY, ACCOUNTS))
                .isInstanceOf(Forbidden.class);
        if (!(command instanceof ProjectAdministration)) {
            assertThat(ProjectDecider.decide(command, project, ADMIN.importingFor(ProjectEvents.OWNER), TODAY,
                    ACCOUNTS)).isNotNull();
        }
    }

    @Test
    void whatHappenedIsJudgedByTheTodayItIsHanded() {
        LocalDate dayBeforeTheReport = LocalDate.of(2025, 9, 30);

        assertThatThrownBy(() -> ProjectDecider.decide(reportProgress("40"), projectOf(), OWNER, dayBeforeTheReport,
                ACCOUNTS))
                .isInstanceOfSatisfying(RejectedCommand.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("date"));
    }

    @Test
    void supervisorsAreJudgedByTheAccountsItIsHanded() {
        SupervisorAccounts nobody = userId -> false;

        assertThatThrownBy(() -> ProjectDecider.decide(reassign(List.of("zhao.lei")), projectOf(), ADMIN, TODAY,
                nobody))
                .isInstanceOfSatisfying(RejectedCommand.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("supervisors"));
    }

    /** A project with what each command needs (a milestone, a contract, inspections to rectify), then {@code more}. */
    private static ProjectState projectOf(ProjectEvent... more) {
        ProjectState project = new ProjectState();
        Stream.concat(Stream.of(registered(), milestonePlanned(MILESTONE_ID), contractAwarded(),
                        inspectionFailed(INSPECTION_ID), inspectionFailed("inspection-reported"),
                        rectificationReported("inspection-reported")), Stream.of(more))
                .forEach(project::apply);
        return project;
    }

    private static Actor entitledTo(Object command) {
        return command instanceof ProjectAdministration ? ADMIN : OWNER;
    }
}
