package org.jianhu.supervision.risk;

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
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.TransactionRecorded;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Builds a project's event history for tests: events get ascending global positions and are
 * recorded at 10:00 Shanghai time on the current recording day ({@link #on}).
 */
final class ProjectHistory {

    static final String PROJECT = "p-1";
    /** The catch-up gap, as configured by default. */
    static final Duration GAP = Duration.ofMinutes(10);
    static final String OWNER = "Jianhu Water Bureau";
    static final String BUILDER = "Builder Co";

    private final ProjectFacts facts = new ProjectFacts(PROJECT);
    private long position = 100;
    private LocalDate recordingDay = LocalDate.of(2025, 1, 1);

    static ProjectHistory empty() {
        return new ProjectHistory();
    }

    /**
     * A project in good health on 2025-07-01: approved, one competitively tendered works contract
     * below estimate, progress and payments in step, its first milestone met on time.
     */
    static ProjectHistory healthy() {
        return empty()
                .on(LocalDate.of(2025, 1, 2)).then(registered("20000000", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
                .on(LocalDate.of(2025, 1, 10)).then(approved(LocalDate.of(2025, 1, 10)))
                .then(milestone("m-1", LocalDate.of(2025, 6, 30)))
                .on(LocalDate.of(2025, 3, 1)).then(works("c-1", BUILDER, "10000000"))
                .on(LocalDate.of(2025, 4, 1)).then(progress("10", LocalDate.of(2025, 4, 1)))
                .then(payment("t-1", LocalDate.of(2025, 4, 5), "1000000", BUILDER, "c-1", null))
                .on(LocalDate.of(2025, 6, 20)).then(met("m-1", LocalDate.of(2025, 6, 20)))
                .then(progress("30", LocalDate.of(2025, 6, 20)))
                .then(payment("t-2", LocalDate.of(2025, 6, 25), "2500000", BUILDER, "c-1", "m-1"));
    }

    /** An award the test gives no signing date is signed on the day it is recorded. */
    private ProjectEvent signedOnTheRecordingDay(ProjectEvent event) {
        if (event instanceof ContractAwarded a && a.dateSigned() == null) {
            return signed(a, recordingDay);
        }
        return event;
    }

    /** The award, signed on {@code date}. */
    static ContractAwarded signed(ContractAwarded a, LocalDate date) {
        return new ContractAwarded(a.projectId(), a.contractId(), a.nature(), a.procurementMethod(),
                a.numberOfTenderers(), a.tenderPeriod(), a.costEstimate(), a.supplier(), a.contractValue(),
                a.contractPeriod(), date);
    }

    static final LocalDate HEALTHY_TODAY = LocalDate.of(2025, 7, 1);

    ProjectHistory on(LocalDate day) {
        recordingDay = day;
        return this;
    }

    ProjectHistory then(ProjectEvent... events) {
        for (ProjectEvent given : events) {
            position++;
            ProjectEvent event = signedOnTheRecordingDay(given);
            facts.apply(event, position, recordingDay.atTime(LocalTime.of(10, 0))
                    .atZone(BusinessCalendar.ZONE).toInstant(), GAP);
        }
        return this;
    }

    long lastPosition() {
        return position;
    }

    ProjectFacts facts() {
        return facts;
    }

    static Money cny(String amount) {
        return Money.cny(amount);
    }

    static Period period(LocalDate start, LocalDate end) {
        return new Period(start, end);
    }

    static ProjectRegistered registered(String budget, LocalDate start, LocalDate end) {
        return new ProjectRegistered(PROJECT, "JH-2025-001", "城北水厂扩建", "expansion", "330109", OWNER,
                cny(budget), period(start, end), List.of("supervisor-1"));
    }

    static ProjectApproved approved(LocalDate date) {
        return new ProjectApproved(PROJECT, date, "杭发改〔2025〕1号");
    }

    /** An open works tender with five bidders, a 30-day tender period and an estimate 10 % above. */
    static ContractAwarded works(String contractId, String supplier, String value) {
        BigDecimal estimate = new BigDecimal(value).multiply(new BigDecimal("1.1"));
        return award(contractId, "construction", "open", 5,
                period(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 19)), new Money(estimate, "CNY"), supplier,
                value);
    }

    static ContractAwarded award(String contractId, String nature, String method, int tenderers,
                                 Period tenderPeriod, Money estimate, String supplier, String value) {
        return new ContractAwarded(PROJECT, contractId, nature, method, tenderers, tenderPeriod, estimate,
                org.jianhu.contracts.common.OrganisationReference.named(supplier), cny(value), period(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 10, 31)),
                null);
    }

    static ContractAwarded directAward(String contractId, String nature, String supplier, String value) {
        return award(contractId, nature, "direct", 1, null, null, supplier, value);
    }

    static ContractModified valueChange(String contractId, String id, LocalDate date, String oldValue, String newValue) {
        return new ContractModified(PROJECT, contractId, id, date, "value", "变更", "设计变更",
                cny(oldValue), cny(newValue), null, null);
    }

    static ContractModified scopeChange(String contractId, String id, LocalDate date) {
        return new ContractModified(PROJECT, contractId, id, date, "scope", "范围调整", "业主要求",
                null, null, null, null);
    }

    static ContractModified durationChange(String contractId, String id, LocalDate date, Period oldPeriod,
                                           Period newPeriod) {
        return new ContractModified(PROJECT, contractId, id, date, "duration", "延期", "雨季",
                null, null, oldPeriod, newPeriod);
    }

    static MilestonePlanned milestone(String milestoneId, LocalDate dueDate) {
        return new MilestonePlanned(PROJECT, milestoneId, "主体结构完成 " + milestoneId, "delivery", "commencement",
                dueDate, null);
    }

    static MilestoneStatusReported met(String milestoneId, LocalDate dateMet) {
        return new MilestoneStatusReported(PROJECT, milestoneId, "met", dateMet);
    }

    static ProgressReported progress(String percent, LocalDate date) {
        return new ProgressReported(PROJECT, new BigDecimal(percent), date);
    }

    static TransactionRecorded payment(String id, LocalDate date, String value, String payee, String contractId,
                                       String milestoneId) {
        return new TransactionRecorded(PROJECT, id, TransactionRecorded.PAYMENT, date, cny(value), org.jianhu.contracts.common.OrganisationReference.named(OWNER),
                payee == null ? null : org.jianhu.contracts.common.OrganisationReference.named(payee),
                contractId, milestoneId);
    }

    static TransactionRecorded appropriation(String id, LocalDate date, String value, String contractId) {
        return new TransactionRecorded(PROJECT, id, TransactionRecorded.APPROPRIATION, date, cny(value), org.jianhu.contracts.common.OrganisationReference.named("财政局"),
                org.jianhu.contracts.common.OrganisationReference.named(OWNER), contractId, null);
    }

    static InspectionRecorded failedInspection(String inspectionId, LocalDate date, LocalDate deadline) {
        return new InspectionRecorded(PROJECT, inspectionId, org.jianhu.contracts.common.OrganisationReference.named("质监站"), date, "主体结构", "failed", "钢筋保护层不足",
                deadline);
    }

    static InspectionRecorded passedInspection(String inspectionId, LocalDate date) {
        return new InspectionRecorded(PROJECT, inspectionId, org.jianhu.contracts.common.OrganisationReference.named("质监站"), date, "主体结构", "passed", "", null);
    }

    static ProjectCompleted completed(LocalDate endDate, String finalValue) {
        return new ProjectCompleted(PROJECT, endDate, cny(finalValue), "as planned");
    }
}
