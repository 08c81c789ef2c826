package org.jianhu.project.project;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.*;
import org.jianhu.project.contract.ContractState;
import org.jianhu.project.inspection.InspectionState;
import org.jianhu.project.milestone.MilestoneState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project as its events have made it. One fold serves three readers: the decisions on commands
 * ({@code *Decisions} of each concept), the current state in the API, and the state "as of" an
 * earlier instant for auditors.
 * Status and suspension move as {@link ProjectLifecycle} says; both are kept as plain fields
 * so that snapshots taken before the lifecycle moved to contracts still read.
 */
@StateVisibility
public class ProjectState {

    public record Approval(LocalDate date, String documentNumber) {
    }

    public record Progress(BigDecimal physicalProgress, LocalDate date) {
    }

    private String id;
    private String code;
    private String title;
    private String type;
    private String region;
    private String ownerOrganisation;
    private Money budget;
    private Period plannedPeriod;
    private List<String> supervisors;
    private String status;
    private boolean suspended;
    private Approval approval;
    private Progress latestProgress;
    private Money appropriated;
    private Money paid;
    private final Map<String, MilestoneState> milestones = new LinkedHashMap<>();
    private final Map<String, ContractState> contracts = new LinkedHashMap<>();
    private final Map<String, TransactionRecorded> transactions = new LinkedHashMap<>();
    private final Map<String, InspectionState> inspections = new LinkedHashMap<>();
    private ProjectCompleted completion;
    private String cancellationReason;

    public void apply(ProjectEvent event) {
        if (event instanceof ProjectRegistered e) {
            registered(e);
        } else if (event instanceof ProjectApproved e) {
            approval = new Approval(e.approvalDate(), e.approvalDocumentNumber());
        } else if (event instanceof SupervisorsReassigned e) {
            supervisors = List.copyOf(e.supervisors());
        } else if (event instanceof ProjectCancelled e) {
            cancellationReason = e.reason();
        } else if (event instanceof ProjectCompleted e) {
            completion = e;
        } else if (event instanceof MilestonePlanned e) {
            milestones.put(e.milestoneId(), MilestoneState.planned(e));
        } else if (event instanceof MilestoneStatusReported e) {
            milestones.get(e.milestoneId()).apply(e);
        } else if (event instanceof ProgressReported e) {
            latestProgress = new Progress(e.physicalProgress(), e.date());
        } else if (event instanceof ContractAwarded e) {
            contracts.put(e.contractId(), ContractState.awarded(e));
        } else if (event instanceof ContractModified e) {
            contracts.get(e.contractId()).apply(e);
        } else if (event instanceof TransactionRecorded e) {
            transactionRecorded(e);
        } else if (event instanceof InspectionRecorded e) {
            inspections.put(e.inspectionId(), InspectionState.recorded(e));
        } else if (event instanceof RectificationReported e) {
            inspections.get(e.inspectionId()).apply(e);
        } else if (event instanceof RectificationVerified e) {
            inspections.get(e.inspectionId()).apply(e);
        }
        ProjectLifecycle lifecycle = new ProjectLifecycle(status, suspended).after(event);
        status = lifecycle.status();
        suspended = lifecycle.suspended();
    }

    private void registered(ProjectRegistered e) {
        id = e.projectId();
        code = e.code();
        title = e.title();
        type = e.type();
        region = e.region();
        ownerOrganisation = e.ownerOrganisation();
        budget = e.budget();
        plannedPeriod = e.plannedPeriod();
        supervisors = List.copyOf(e.supervisors());
        Money zero = new Money(BigDecimal.ZERO, e.budget().currency());
        appropriated = zero;
        paid = zero;
    }

    private void transactionRecorded(TransactionRecorded e) {
        transactions.put(e.transactionId(), e);
        if (TransactionRecorded.APPROPRIATION.equals(e.kind())) {
            appropriated = appropriated.plus(e.value());
        } else {
            paid = paid.plus(e.value());
            if (e.contractId() != null) {
                contracts.get(e.contractId()).recordPayment(e.value());
            }
        }
    }

    public String id() {
        return id;
    }

    public String region() {
        return region;
    }

    public String ownerOrganisation() {
        return ownerOrganisation;
    }

    public boolean isClosed() {
        return new ProjectLifecycle(status, suspended).isClosed();
    }

    public String status() {
        return status;
    }

    public boolean suspended() {
        return suspended;
    }

    public boolean approved() {
        return approval != null;
    }

    public List<String> supervisors() {
        return supervisors;
    }

    public MilestoneState milestone(String milestoneId) {
        return milestones.get(milestoneId);
    }

    public ContractState contract(String contractId) {
        return contracts.get(contractId);
    }

    public InspectionState inspection(String inspectionId) {
        return inspections.get(inspectionId);
    }

    public boolean hasTransaction(String transactionId) {
        return transactions.containsKey(transactionId);
    }
}
