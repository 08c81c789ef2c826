package org.jianhu.project.project;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.project.*;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ContractState;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.InspectionState;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.ReportRectificationCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ReportProgressCommand;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.jianhu.project.project.Require.*;

/**
 * A major project over its whole lifecycle. It rejects what cannot be (a second fact with the same
 * id, a reference to something never recorded, anything after the project closed) and records
 * what is merely suspicious — paying before approval, paying more than a contract is worth — so
 * that supervision can flag it. Each handler answers with the project's new version.
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger", cache = "projectCache")
@StateVisibility
public class Project {

    @AggregateIdentifier
    private String projectId;
    private ProjectState state;

    protected Project() {
        // for Axon: rebuilt from events or a snapshot
    }

    @CommandHandler
    public Project(RegisterProjectCommand command, MetaData metaData) {
        Actor.fromMetadata(metaData).requireAdministering(command.activity());
        apply(new ProjectRegistered(text("projectId", command.projectId()), text("code", command.code()), text("title", command.title()),
                code(ProjectRegistered.TYPES, command.type()), text("region", command.region()),
                text("ownerOrganisation", command.ownerOrganisation()), positive("budget", command.budget()),
                ordered("plannedPeriod", command.plannedPeriod()),
                notEmpty("supervisors", command.supervisors()).stream().distinct().sorted().toList()));
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
    public long handle(ApproveProjectCommand command) {
        requireOpen();
        if (state.approved()) {
            throw RejectedCommand.conflict("project " + projectId + " is already approved");
        }
        apply(new ProjectApproved(projectId, present("approvalDate", command.approvalDate()),
                text("approvalDocumentNumber", command.approvalDocumentNumber())));
        return version();
    }

    @CommandHandler
    public long handle(ReassignSupervisorsCommand command) {
        requireOpen();
        List<String> supervisors = notEmpty("supervisors", command.supervisors()).stream().distinct().sorted().toList();
        if (supervisors.equals(state.supervisors())) {
            throw RejectedCommand.conflict("these are already the responsible supervisors of " + projectId);
        }
        apply(new SupervisorsReassigned(projectId, state.supervisors(), supervisors, text("reason", command.reason())));
        return version();
    }

    @CommandHandler
    public long handle(SuspendProjectCommand command) {
        requireOpen();
        if (state.suspended()) {
            throw RejectedCommand.conflict("project " + projectId + " is already suspended");
        }
        apply(new ProjectSuspended(projectId, present("date", command.date()), text("reason", command.reason())));
        return version();
    }

    @CommandHandler
    public long handle(ResumeProjectCommand command) {
        requireOpen();
        if (!state.suspended()) {
            throw RejectedCommand.conflict("project " + projectId + " is not suspended");
        }
        apply(new ProjectResumed(projectId, present("date", command.date()), text("reason", command.reason())));
        return version();
    }

    @CommandHandler
    public long handle(CancelProjectCommand command) {
        requireOpen();
        apply(new ProjectCancelled(projectId, present("date", command.date()), text("reason", command.reason())));
        return version();
    }

    @CommandHandler
    public long handle(RecordCompletionCommand command) {
        requireOpen();
        if (state.suspended()) {
            throw RejectedCommand.conflict("project " + projectId + " is suspended; resume it before completion");
        }
        apply(new ProjectCompleted(projectId, present("endDate", command.endDate()),
                positive("finalValue", command.finalValue()), text("finalScope", command.finalScope())));
        return version();
    }

    @CommandHandler
    public long handle(PlanMilestoneCommand command) {
        requireOpen();
        String milestoneId = text("milestoneId", command.milestoneId());
        if (state.milestone(milestoneId) != null) {
            throw RejectedCommand.conflict("milestone " + milestoneId + " is already planned");
        }
        if (command.value() != null) {
            positive("value", command.value());
        }
        apply(new MilestonePlanned(projectId, milestoneId, text("title", command.title()),
                code(MilestonePlanned.TYPES, command.type()), command.code(),
                present("dueDate", command.dueDate()), command.value()));
        return version();
    }

    @CommandHandler
    public long handle(ReportMilestoneStatusCommand command) {
        requireOpen();
        var milestone = state.milestone(command.milestoneId());
        if (milestone == null) {
            throw RejectedCommand.notFound("no milestone " + command.milestoneId() + " on project " + projectId);
        }
        if (milestone.isMet()) {
            throw RejectedCommand.conflict("milestone " + command.milestoneId() + " is already met");
        }
        String status = code(MilestoneStatusReported.STATUSES, command.status());
        if (MilestoneStatusReported.MET.equals(status)) {
            present("dateMet", command.dateMet());
        } else if (command.dateMet() != null) {
            throw RejectedCommand.invalid("dateMet", "dateMet belongs only to a met milestone");
        }
        apply(new MilestoneStatusReported(projectId, command.milestoneId(), status, command.dateMet()));
        return version();
    }

    @CommandHandler
    public long handle(ReportProgressCommand command) {
        requireOpen();
        apply(new ProgressReported(projectId, percent("physicalProgress", command.physicalProgress()),
                present("date", command.date())));
        return version();
    }

    @CommandHandler
    public long handle(AwardContractCommand command) {
        requireOpen();
        String contractId = text("contractId", command.contractId());
        if (state.contract(contractId) != null) {
            throw RejectedCommand.conflict("contract " + contractId + " is already awarded");
        }
        int tenderers = present("numberOfTenderers", command.numberOfTenderers());
        if (tenderers < 1) {
            throw RejectedCommand.invalid("numberOfTenderers", "numberOfTenderers must be at least 1");
        }
        if (command.tenderPeriod() != null) {
            ordered("tenderPeriod", command.tenderPeriod());
        }
        if (command.costEstimate() != null) {
            positive("costEstimate", command.costEstimate());
        }
        apply(new ContractAwarded(projectId, contractId, code(ContractAwarded.NATURES, command.nature()),
                code(ContractAwarded.PROCUREMENT_METHODS, command.procurementMethod()), tenderers,
                command.tenderPeriod(), command.costEstimate(), text("supplier", command.supplier()),
                positive("contractValue", command.contractValue()),
                ordered("contractPeriod", command.contractPeriod())));
        return version();
    }

    @CommandHandler
    public long handle(ModifyContractCommand command) {
        requireOpen();
        ContractState contract = state.contract(command.contractId());
        if (contract == null) {
            throw RejectedCommand.notFound("no contract " + command.contractId() + " on project " + projectId);
        }
        String modificationId = text("modificationId", command.modificationId());
        if (contract.hasModification(modificationId)) {
            throw RejectedCommand.conflict("change order " + modificationId + " is already recorded");
        }
        String type = code(ContractModified.TYPES, command.type());
        Money newValue = ContractModified.VALUE.equals(type) ? positive("newContractValue", command.newContractValue()) : null;
        var newPeriod = ContractModified.DURATION.equals(type) ? ordered("newContractPeriod", command.newContractPeriod()) : null;
        apply(new ContractModified(projectId, command.contractId(), modificationId,
                present("date", command.date()), type,
                ContractModified.SCOPE.equals(type) ? text("description", command.description()) : command.description(),
                text("rationale", command.rationale()),
                newValue == null ? null : contract.contractValue(), newValue,
                newPeriod == null ? null : contract.contractPeriod(), newPeriod));
        return version();
    }

    @CommandHandler
    public long handle(RecordTransactionCommand command) {
        requireOpen();
        String transactionId = text("transactionId", command.transactionId());
        if (state.hasTransaction(transactionId)) {
            throw RejectedCommand.conflict("transaction " + transactionId + " is already recorded");
        }
        String kind = code(TransactionRecorded.KINDS, command.kind());
        if (TransactionRecorded.PAYMENT.equals(kind)) {
            text("payee", command.payee());
        }
        if (command.contractId() != null && state.contract(command.contractId()) == null) {
            throw RejectedCommand.invalid("contractId", "no contract " + command.contractId() + " on this project");
        }
        if (command.milestoneId() != null && state.milestone(command.milestoneId()) == null) {
            throw RejectedCommand.invalid("milestoneId", "no milestone " + command.milestoneId() + " on this project");
        }
        apply(new TransactionRecorded(projectId, transactionId, kind, present("date", command.date()),
                positive("value", command.value()), command.payer(), command.payee(), command.contractId(),
                command.milestoneId()));
        return version();
    }

    @CommandHandler
    public long handle(RecordInspectionCommand command) {
        requireOpen();
        String inspectionId = text("inspectionId", command.inspectionId());
        if (state.inspection(inspectionId) != null) {
            throw RejectedCommand.conflict("inspection " + inspectionId + " is already recorded");
        }
        String result = code(InspectionRecorded.RESULTS, command.result());
        if (InspectionRecorded.FAILED.equals(result)) {
            text("findings", command.findings());
            present("rectificationDeadline", command.rectificationDeadline());
        }
        apply(new InspectionRecorded(projectId, inspectionId, text("inspector", command.inspector()),
                present("date", command.date()), text("scope", command.scope()), result, command.findings(),
                command.rectificationDeadline()));
        return version();
    }

    @CommandHandler
    public long handle(ReportRectificationCommand command) {
        requireOpen();
        InspectionState inspection = inspection(command.inspectionId());
        if (inspection.rectification() != InspectionState.Rectification.awaitingRectification) {
            throw RejectedCommand.conflict("inspection " + command.inspectionId() + " is not awaiting rectification ("
                    + inspection.rectification() + ")");
        }
        apply(new RectificationReported(projectId, command.inspectionId(), present("date", command.date()),
                text("description", command.description())));
        return version();
    }

    @CommandHandler
    public long handle(VerifyRectificationCommand command) {
        requireOpen();
        InspectionState inspection = inspection(command.inspectionId());
        if (inspection.rectification() != InspectionState.Rectification.awaitingVerification) {
            throw RejectedCommand.conflict("inspection " + command.inspectionId()
                    + " has no rectification awaiting verification (" + inspection.rectification() + ")");
        }
        apply(new RectificationVerified(projectId, command.inspectionId(), present("date", command.date()),
                text("verifier", command.verifier()), present("accepted", command.accepted()), command.comment()));
        return version();
    }

    @EventSourcingHandler
    void on(ProjectEvent event) {
        if (event instanceof ProjectRegistered registered) {
            projectId = registered.projectId();
            state = new ProjectState();
        }
        state.apply(event);
    }

    private InspectionState inspection(String inspectionId) {
        InspectionState inspection = state.inspection(inspectionId);
        if (inspection == null) {
            throw RejectedCommand.notFound("no inspection " + inspectionId + " on project " + projectId);
        }
        return inspection;
    }

    private void requireOpen() {
        if (state.isClosed()) {
            throw RejectedCommand.closed(projectId, state.status());
        }
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }
}
