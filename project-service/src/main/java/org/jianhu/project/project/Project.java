package org.jianhu.project.project;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.ReportRectificationCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ReportProgressCommand;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A major project over its whole lifecycle, as Axon keeps it: rebuilt from its events, it records what
 * {@link ProjectDecider} decides on each command — who may send it, whether the project is still open, and which
 * concept's {@code *Decisions} answers. Each handler answers with the project's new version. What a decision
 * needs beyond the command and the project (the actor in the command's metadata, the {@link SupervisorAccounts},
 * the {@link Clock} that says which business date today is) Axon hands the handler.
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
    public Project(RegisterProjectCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        apply(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(ApproveProjectCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(ReassignSupervisorsCommand command,
                       MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(SuspendProjectCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(ResumeProjectCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(CancelProjectCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(RecordCompletionCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(PlanMilestoneCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(ReportMilestoneStatusCommand command,
                       MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(ReportProgressCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(AwardContractCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(ModifyContractCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(RecordTransactionCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(RecordInspectionCommand command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(ReportRectificationCommand command,
                       MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @CommandHandler
    public long handle(VerifyRectificationCommand command,
                       MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return record(decide(command, metaData, clock, accounts));
    }

    @EventSourcingHandler
    void on(ProjectEvent event) {
        if (event instanceof ProjectRegistered registered) {
            projectId = registered.projectId();
            state = new ProjectState();
        }
        state.apply(event);
    }

    /**
     * Axon needs a handler per command type; the routing is {@link ProjectDecider}'s alone. Who acts is read from
     * the command's metadata, today from the clock: the business date of the moment the command is decided.
     */
    private ProjectEvent decide(Object command, MetaData metaData, Clock clock, SupervisorAccounts accounts) {
        return ProjectDecider.decide(command, state, Actor.fromMetadata(metaData),
                BusinessCalendar.dateOf(clock.instant()), accounts);
    }

    private static long record(ProjectEvent event) {
        apply(event);
        return AggregateLifecycle.getVersion();
    }
}
