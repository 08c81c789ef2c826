package org.jianhu.supervision.risk;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.jianhu.contracts.project.InspectionRecorded;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCancelled;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.ProjectSuspended;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.contracts.project.TransactionRecorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the risk rules need to know about one project, folded from its events in order, each
 * fact remembering the global position of the event(s) behind it (the evidence). Jackson reads and
 * writes it field by field: it is stored as the project's risk view and served by the API.
 *
 * <p>Money is assumed to be in one currency (CNY) per project, as the command side accepts it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ProjectFacts {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private String projectId;
    private String code;
    private String title;
    private String type;
    private String region;
    private String ownerOrganisation;
    private List<String> supervisors = new ArrayList<>();
    private String status;
    private boolean suspended;
    private Money budget;
    private Period plannedPeriod;
    private Long registrationPosition;
    private DatedFact approval;
    private List<DatedFact> suspensions = new ArrayList<>();
    private DatedFact cancellation;
    private Map<String, ContractFacts> contracts = new LinkedHashMap<>();
    private Money appropriated = Money.cny("0");
    private Money paid = Money.cny("0");
    private List<PaymentFact> payments = new ArrayList<>();
    private List<Long> appropriationPositions = new ArrayList<>();
    private Map<String, MilestoneFacts> milestones = new LinkedHashMap<>();
    private ProgressObservation firstProgress;
    private ProgressObservation latestProgress;
    private List<ProgressObservation> progress = new ArrayList<>();
    private BigDecimal financialProgressPercent;
    private Map<String, InspectionFacts> inspections = new LinkedHashMap<>();
    private CompletionFact completion;
    private long lastPosition;

    public ProjectFacts() {
    }

    public ProjectFacts(String projectId) {
        this.projectId = projectId;
    }

    /** Folds one event, recorded at {@code recordedAt}, found at {@code globalPosition} in the log. */
    public void apply(ProjectEvent event, long globalPosition, Instant recordedAt) {
        if (projectId == null) {
            projectId = event.projectId();
        }
        fold(event, globalPosition, recordedAt);
        ProjectLifecycle lifecycle = new ProjectLifecycle(status, suspended).after(event);
        status = lifecycle.status();
        suspended = lifecycle.suspended();
        financialProgressPercent = computeFinancialProgress();
        lastPosition = globalPosition;
    }

    // Java 17 has no pattern switch; the sealed ProjectEvent keeps this chain complete by review.
    private void fold(ProjectEvent event, long position, Instant recordedAt) {
        if (event instanceof ProjectRegistered e) {
            registered(e, position);
        } else if (event instanceof ProjectApproved e) {
            approved(e, position);
        } else if (event instanceof SupervisorsReassigned e) {
            supervisors = e.supervisors() == null ? new ArrayList<>() : new ArrayList<>(e.supervisors());
        } else if (event instanceof ProjectSuspended e) {
            suspended(e, position);
        } else if (event instanceof ProjectCancelled e) {
            cancelled(e, position);
        } else if (event instanceof ProjectCompleted e) {
            completed(e, position);
        } else if (event instanceof MilestonePlanned e) {
            milestones.put(e.milestoneId(), new MilestoneFacts(e, position));
        } else if (event instanceof MilestoneStatusReported e) {
            milestone(e.milestoneId()).ifPresent(m -> m.report(e, position));
        } else if (event instanceof ProgressReported e) {
            progressed(e, position);
        } else if (event instanceof ContractAwarded e) {
            awarded(e, position, recordedAt);
        } else if (event instanceof ContractModified e) {
            contract(e.contractId()).ifPresent(c -> c.modify(e, position));
        } else if (event instanceof TransactionRecorded e) {
            transacted(e, position);
        } else if (event instanceof InspectionRecorded e) {
            inspections.put(e.inspectionId(), new InspectionFacts(e, position));
        } else if (event instanceof RectificationReported e) {
            inspection(e.inspectionId()).ifPresent(i -> i.rectificationReported(e, position));
        } else if (event instanceof RectificationVerified e) {
            inspection(e.inspectionId()).ifPresent(i -> i.rectificationVerified(e, position));
        }
    }

    private void registered(ProjectRegistered e, long position) {
        code = e.code();
        title = e.title();
        type = e.type();
        region = e.region();
        ownerOrganisation = e.ownerOrganisation();
        budget = e.budget();
        plannedPeriod = e.plannedPeriod();
        supervisors = e.supervisors() == null ? new ArrayList<>() : new ArrayList<>(e.supervisors());
        registrationPosition = position;
    }

    private void approved(ProjectApproved e, long position) {
        approval = new DatedFact(e.approvalDate(), e.approvalDocumentNumber(), position);
    }

    private void suspended(ProjectSuspended e, long position) {
        suspensions.add(new DatedFact(e.date(), e.reason(), position));
    }

    private void cancelled(ProjectCancelled e, long position) {
        cancellation = new DatedFact(e.date(), e.reason(), position);
    }

    private void completed(ProjectCompleted e, long position) {
        completion = new CompletionFact(e.endDate(), e.finalValue(), e.finalScope(), position);
    }

    private void progressed(ProgressReported e, long position) {
        var observation = new ProgressObservation(e.physicalProgress(), e.date(), position);
        if (firstProgress == null && e.physicalProgress().signum() > 0) {
            firstProgress = observation;
        }
        latestProgress = observation;
        progress.add(observation);
    }

    /**
     * ContractAwarded carries no award date (only tender and contract periods), so the award date
     * is the business date (Asia/Shanghai) on which the award was recorded.
     */
    private void awarded(ContractAwarded e, long position, Instant recordedAt) {
        contracts.put(e.contractId(), new ContractFacts(e, businessDate(recordedAt), position));
    }

    private void transacted(TransactionRecorded e, long position) {
        Optional<ContractFacts> contract = Optional.ofNullable(e.contractId()).flatMap(this::contract);
        if (TransactionRecorded.APPROPRIATION.equals(e.kind())) {
            appropriated = appropriated.plus(e.value());
            appropriationPositions.add(position);
            contract.ifPresent(c -> c.appropriate(e.value()));
        } else if (TransactionRecorded.PAYMENT.equals(e.kind())) {
            paid = paid.plus(e.value());
            payments.add(new PaymentFact(e.transactionId(), e.date(), e.value(), nameOf(e.payer()), nameOf(e.payee()),
                    e.contractId(), e.milestoneId(), position));
            contract.ifPresent(c -> c.pay(e.value()));
        }
    }

    private BigDecimal computeFinancialProgress() {
        BigDecimal contracted = totalContractValue();
        return contracted.signum() > 0 ? Percent.of(paid.amount(), contracted) : null;
    }

    private static String nameOf(OrganisationReference party) {
        return party == null ? null : party.displayName();
    }

    public static LocalDate businessDate(Instant instant) {
        return instant.atZone(BUSINESS_ZONE).toLocalDate();
    }

    public Optional<ContractFacts> contract(String contractId) {
        return Optional.ofNullable(contracts.get(contractId));
    }

    public Optional<MilestoneFacts> milestone(String milestoneId) {
        return Optional.ofNullable(milestones.get(milestoneId));
    }

    public Optional<InspectionFacts> inspection(String inspectionId) {
        return Optional.ofNullable(inspections.get(inspectionId));
    }

    /** Σ current values of all contracts. */
    public BigDecimal totalContractValue() {
        return contracts.values().stream().map(c -> c.currentValue().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isCompleted() {
        return completion != null;
    }

    public boolean isCancelled() {
        return cancellation != null;
    }

    /** The awards of this project as the cross-project repeat-winner indicator (R15) sees them. */
    public List<RepeatWinner.Award> awards() {
        return contracts.values().stream()
                .map(c -> new RepeatWinner.Award(c.supplier(), ownerOrganisation, c.awardDate(), projectId,
                        c.contractId(), c.awardPosition()))
                .toList();
    }

    public String projectId() { return projectId; }
    public String code() { return code; }
    public String title() { return title; }
    public String type() { return type; }
    public String region() { return region; }
    public String ownerOrganisation() { return ownerOrganisation; }
    public List<String> supervisors() { return List.copyOf(supervisors); }
    public String status() { return status; }
    public boolean suspended() { return suspended; }
    public Money budget() { return budget; }
    public Period plannedPeriod() { return plannedPeriod; }
    public Long registrationPosition() { return registrationPosition; }
    public DatedFact approval() { return approval; }
    public List<DatedFact> suspensions() { return List.copyOf(suspensions); }
    public DatedFact cancellation() { return cancellation; }
    public Collection<ContractFacts> contracts() { return List.copyOf(contracts.values()); }
    public Money appropriatedTotal() { return appropriated; }
    public Money paidTotal() { return paid; }
    public List<PaymentFact> payments() { return List.copyOf(payments); }
    public List<Long> appropriationPositions() { return List.copyOf(appropriationPositions); }
    public Collection<MilestoneFacts> milestones() { return List.copyOf(milestones.values()); }
    public ProgressObservation firstProgress() { return firstProgress; }
    public ProgressObservation latestProgress() { return latestProgress; }
    /** Every physical progress reading, in the order reported. */
    public List<ProgressObservation> progressObservations() { return List.copyOf(progress); }
    /** Paid ÷ Σ current contract values, in percent; null while nothing is contracted. */
    public BigDecimal financialProgressPercent() { return financialProgressPercent; }
    public Collection<InspectionFacts> inspections() { return List.copyOf(inspections.values()); }
    public CompletionFact completion() { return completion; }
    public long lastPosition() { return lastPosition; }
}
