package org.jianhu.project.project;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ContractDecisions;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.FundsDecisions;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.InspectionDecisions;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.ReportRectificationCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.MilestoneDecisions;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ProgressDecisions;
import org.jianhu.project.progress.ReportProgressCommand;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A major project over its whole lifecycle. It checks who may send a command and that the project
 * is still open, and records what the decision of the command's concept answers ({@code *Decisions}
 * in each concept's package). Each handler answers with the project's new version. What a decision
 * needs beyond the command and the project (the {@link SupervisorAccounts}, the {@link Clock} that says
 * which business date today is) Axon hands the handler.
 *
 * <p>The revision is the shape of its snapshots (this class and the states it holds, field by field):
 * raise it when a field is renamed, retyped or dropped, and snapshots of the old shape are left out,
 * the project rebuilt from its events. Revision 2: parties became organisation references and a contract
 * holds its {@code dateSigned}.
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger", cache = "projectCache")
@Revision("2")
@StateVisibility
public class Project {

    @AggregateIdentifier
    private String projectId;
    private ProjectState state;

    protected Project() {
        // for Axon: rebuilt from events or a snapshot
    }

    @CommandHandler
    public Project(RegisterProjectCommand command, MetaData metaData, SupervisorAccounts accounts) {
        Actor.fromMetadata(metaData).requireAdministering(command.activity());
        apply(ProjectDecisions.register(command, accounts));
    }

    @CommandHandlerInterceptor
    void authorise(Object command, MetaData metaData) {
        Actor actor = Actor.fromMetadata(metaData);
        if (command instanceof ProjectAdministration administration) {
            actor.requireAdministering(administration.activity());
        } else {
            actor.requireRecordingFactsOn(state);
        }
    }

    @CommandHandler
    public long handle(ApproveProjectCommand command, Clock clock) {
        return record(ProjectDecisions.approve(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(ReassignSupervisorsCommand command, SupervisorAccounts accounts) {
        return record(ProjectDecisions.reassignSupervisors(command, open(), accounts));
    }

    @CommandHandler
    public long handle(SuspendProjectCommand command, Clock clock) {
        return record(ProjectDecisions.suspend(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(ResumeProjectCommand command, Clock clock) {
        return record(ProjectDecisions.resume(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(CancelProjectCommand command, Clock clock) {
        return record(ProjectDecisions.cancel(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(RecordCompletionCommand command, Clock clock) {
        return record(ProjectDecisions.complete(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(PlanMilestoneCommand command) {
        return record(MilestoneDecisions.plan(command, open()));
    }

    @CommandHandler
    public long handle(ReportMilestoneStatusCommand command, Clock clock) {
        return record(MilestoneDecisions.reportStatus(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(ReportProgressCommand command, Clock clock) {
        return record(ProgressDecisions.report(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(AwardContractCommand command, Clock clock) {
        return record(ContractDecisions.award(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(ModifyContractCommand command, Clock clock) {
        return record(ContractDecisions.modify(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(RecordTransactionCommand command, Clock clock) {
        return record(FundsDecisions.recordTransaction(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(RecordInspectionCommand command, Clock clock) {
        return record(InspectionDecisions.record(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(ReportRectificationCommand command, Clock clock) {
        return record(InspectionDecisions.reportRectification(command, open(), today(clock)));
    }

    @CommandHandler
    public long handle(VerifyRectificationCommand command, Clock clock) {
        return record(InspectionDecisions.verifyRectification(command, open(), today(clock)));
    }

    @EventSourcingHandler
    void on(ProjectEvent event) {
        if (event instanceof ProjectRegistered registered) {
            projectId = registered.projectId();
            state = new ProjectState();
        }
        state.apply(event);
    }

    /** A completed or cancelled project takes nothing more, whatever the command. */
    private ProjectState open() {
        if (state.isClosed()) {
            throw RejectedCommand.closed(projectId, state.status());
        }
        return state;
    }

    /** The business date of the moment the command is decided: what has happened is dated on or before it. */
    private static LocalDate today(Clock clock) {
        return BusinessCalendar.dateOf(clock.instant());
    }

    private static long record(ProjectEvent event) {
        apply(event);
        return AggregateLifecycle.getVersion();
    }
}
