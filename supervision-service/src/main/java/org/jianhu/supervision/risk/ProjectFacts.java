package org.jianhu.supervision.risk;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.common.Money;
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
import org.jianhu.contracts.project.ProjectResumed;
import org.jianhu.contracts.project.ProjectSuspended;
import org.jianhu.contracts.project.RectificationReported;
import org.jianhu.contracts.project.RectificationVerified;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.contracts.project.TransactionRecorded;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 *
 * <p>Rules judge business dates only (a payment's date, an award's {@code dateSigned} …). When each event was
 * recorded decides one thing: whether the project is in its <em>initial load</em>, the run of its events from
 * {@link ProjectRegistered} on in which each was recorded within the catch-up gap of the one before (a history
 * being entered in one go). Meanwhile time has come only as far as the business date its history has reached
 * ({@link #reachedDate()}): the latest date of its facts so far, never beyond the date of recording.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ProjectFacts {

    /**
     * The shape of the stored view; views of an older shape (none stored) lack what later rules read, and are
     * folded afresh by a rebuild.
     */
    public static final int SHAPE = 2;

    private Integer shape;
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
    private Instant lastRecordedAt;
    private boolean catchingUp;
    private LocalDate reachedDate;

    public ProjectFacts() {
    }

    public ProjectFacts(String projectId) {
        this.projectId = projectId;
        this.shape = SHAPE;
    }

    /**
     * Folds one event, recorded at {@code recordedAt}, found at {@code globalPosition} in the log; {@code catchUpGap}
     * is the longest pause between two events of an initial load.
     */
    public void apply(ProjectEvent event, long globalPosition, Instant recordedAt, Duration catchUpGap) {
        if (projectId == null) {
            projectId = event.projectId();
        }
        catchingUp = lastRecordedAt == null ? event instanceof ProjectRegistered
                : catchingUp && !recordedAt.isAfter(lastRecordedAt.plus(catchUpGap));
        lastRecordedAt = recordedAt;
        LocalDate recordedOn = BusinessCalendar.dateOf(recordedAt);
        LocalDate date = businessDateOf(event);
        if (date != null) {
            LocalDate reached = date.isAfter(recordedOn) ? recordedOn : date;
            reachedDate = reachedDate == null || reached.isAfter(reachedDate) ? reached : reachedDate;
        }
        fold(event, globalPosition, new Recording(recordedAt, catchingUp ? reachedDate : recordedOn));
        ProjectLifecycle lifecycle = new ProjectLifecycle(status, suspended).after(event);
        status = lifecycle.status();
        suspended = lifecycle.suspended();
        financialProgressPercent = computeFinancialProgress();
        lastPosition = globalPosition;
    }

    /**
     * The date on which what the event tells happened, or null for an event that tells of no day (a registration, a
     * plan, a reassignment, a milestone reported not met).
     */
    static LocalDate businessDateOf(ProjectEvent event) {
        if (event instanceof ProjectApproved e) {
            return e.approvalDate();
        } else if (event instanceof ProjectSuspended e) {
            return e.date();
        } else if (event instanceof ProjectResumed e) {
            return e.date();
        } else if (event instanceof ProjectCancelled e) {
            return e.date();
        } else if (event instanceof ProjectCompleted e) {
            return e.endDate();
        } else if (event instanceof MilestoneStatusReported e) {
            return e.dateMet();
        } else if (event instanceof ProgressReported e) {
            return e.date();
        } else if (event instanceof ContractAwarded e) {
            return e.dateSigned();
        } else if (event instanceof ContractModified e) {
            return e.date();
        } else if (event instanceof TransactionRecorded e) {
            return e.date();
        } else if (event instanceof InspectionRecorded e) {
            return e.date();
        } else if (event instanceof RectificationReported e) {
            return e.date();
        } else if (event instanceof RectificationVerified e) {
            return e.date();
        }
        return null;
    }

    // Java 17 has no pattern switch; the sealed ProjectEvent keeps this chain complete by review.
    private void fold(ProjectEvent event, long position, Recording recorded) {
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
            contracts.put(e.contractId(), new ContractFacts(e, position));
        } else if (event instanceof ContractModified e) {
            contract(e.contractId()).ifPresent(c -> c.modify(e, position));
        } else if (event instanceof TransactionRecorded e) {
            transacted(e, position, recorded);
        } else if (event instanceof InspectionRecorded e) {
            inspections.put(e.inspectionId(), new InspectionFacts(e, position, recorded));
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

    /**
     * The first and the latest reading by their dates, not by when they were reported: a reading entered after
     * a later one changes neither the start of the works nor where they stand (same date: the one reported last).
     */
    private void progressed(ProgressReported e, long position) {
        var observation = new ProgressObservation(e.physicalProgress(), e.date(), position);
        if (e.physicalProgress().signum() > 0 && (firstProgress == null || before(observation, firstProgress))) {
            firstProgress = observation;
        }
        if (latestProgress == null || !before(observation, latestProgress)) {
            latestProgress = observation;
        }
        progress.add(observation);
    }

    private static boolean before(ProgressObservation one, ProgressObservation other) {
        return one.date() != null && other.date() != null && one.date().isBefore(other.date());
    }

    private void transacted(TransactionRecorded e, long position, Recording recorded) {
        Optional<ContractFacts> contract = Optional.ofNullable(e.contractId()).flatMap(this::contract);
        if (TransactionRecorded.APPROPRIATION.equals(e.kind())) {
            appropriated = appropriated.plus(e.value());
            appropriationPositions.add(position);
            contract.ifPresent(c -> c.appropriate(e.value()));
        } else if (TransactionRecorded.PAYMENT.equals(e.kind())) {
            paid = paid.plus(e.value());
            payments.add(new PaymentFact(e.transactionId(), e.date(), e.value(), e.payer(), e.payee(),
                    e.contractId(), e.milestoneId(), position, recorded));
            contract.ifPresent(c -> c.pay(e.value()));
        }
    }

    private BigDecimal computeFinancialProgress() {
        BigDecimal contracted = totalContractValue();
        return contracted.signum() > 0 ? Percent.of(paid.amount(), contracted) : null;
    }

    /**
     * Whether the project is still in its initial load at {@code at}, as the log tells it: the load is open and
     * its last event was recorded less than {@code catchUpGap} before (quiet for the gap, it is over).
     */
    public boolean catchingUpAt(Instant at, Duration catchUpGap) {
        return catchingUp && lastRecordedAt != null && at.isBefore(lastRecordedAt.plus(catchUpGap));
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
    /** The shape the view was stored in; null for views stored before shapes were kept. */
    public Integer shape() { return shape; }
    public Instant lastRecordedAt() { return lastRecordedAt; }
    /** In its initial load: every event since its registration recorded within the catch-up gap of the one before. */
    public boolean catchingUp() { return catchingUp; }
    /**
     * The business date the project's history has reached: the latest date of its facts, never beyond the date
     * they were recorded on; null while no fact of it has a date.
     */
    public LocalDate reachedDate() { return reachedDate; }
}
