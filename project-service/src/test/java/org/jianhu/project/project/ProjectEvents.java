package org.jianhu.project.project;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.*;

import java.time.LocalDate;
import java.util.List;

import static org.jianhu.contracts.common.Money.cny;

/** Past facts of one project, with plausible defaults, to give to the fixture. */
final class ProjectEvents {

    static final String PROJECT_ID = "project-1";
    static final String CONTRACT_ID = "contract-1";
    static final String MILESTONE_ID = "milestone-1";
    static final String INSPECTION_ID = "inspection-1";
    static final String OWNER = "Xiaoshan Transport Investment";
    static final OrganisationReference SUPPLIER = new OrganisationReference("CN-USCC-913300001234567890", "Zhejiang Road Works");
    /** The owner as the party that pays. */
    static final OrganisationReference PAYER = OrganisationReference.named(OWNER);
    static final OrganisationReference INSPECTOR = new OrganisationReference("CN-XS-QS", "quality station");
    static final LocalDate SIGNED = LocalDate.of(2025, 4, 20);
    static final Period PLANNED = new Period(LocalDate.of(2025, 3, 1), LocalDate.of(2027, 2, 28));
    static final Period CONTRACTED = new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2026, 10, 31));

    private ProjectEvents() {
    }

    static ProjectRegistered registered() {
        return new ProjectRegistered(PROJECT_ID, "XS-2025-001", "Xianghu ring road", "construction", "330109",
                OWNER, cny("120000000"), PLANNED, List.of("li.ming", "wang.fang"));
    }

    static ProjectApproved approved() {
        return new ProjectApproved(PROJECT_ID, LocalDate.of(2025, 2, 10), "XFG[2025]12");
    }

    static ProjectSuspended suspended() {
        return new ProjectSuspended(PROJECT_ID, LocalDate.of(2025, 8, 1), "flood season");
    }

    static ProjectResumed resumed() {
        return new ProjectResumed(PROJECT_ID, LocalDate.of(2025, 9, 15), "flood season over");
    }

    static ProjectCompleted completed() {
        return new ProjectCompleted(PROJECT_ID, LocalDate.of(2026, 11, 20), cny("118500000"), "ring road, 12.4 km");
    }

    static ProjectCancelled cancelled() {
        return new ProjectCancelled(PROJECT_ID, LocalDate.of(2025, 6, 30), "route abandoned");
    }

    static MilestonePlanned milestonePlanned(String milestoneId) {
        return new MilestonePlanned(PROJECT_ID, milestoneId, "Works commence", "delivery", "commencement",
                LocalDate.of(2025, 5, 15), null);
    }

    static MilestoneStatusReported milestoneReported(String milestoneId, String status, LocalDate dateMet) {
        return new MilestoneStatusReported(PROJECT_ID, milestoneId, status, dateMet);
    }

    static MilestoneStatusReported milestoneMet(String milestoneId) {
        return milestoneReported(milestoneId, "met", LocalDate.of(2025, 5, 20));
    }

    static ContractAwarded contractAwarded(String contractId, Money contractValue) {
        return new ContractAwarded(PROJECT_ID, contractId, "construction", "open", 5,
                new Period(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 10)), cny("100000000"), SUPPLIER,
                contractValue, CONTRACTED, SIGNED);
    }

    static ContractAwarded contractAwarded() {
        return contractAwarded(CONTRACT_ID, cny("98000000"));
    }

    static ContractModified valueModified(String modificationId, Money oldValue, Money newValue) {
        return new ContractModified(PROJECT_ID, CONTRACT_ID, modificationId, LocalDate.of(2025, 9, 1), "value",
                "extra drainage", "ground survey found a spring", oldValue, newValue, null, null);
    }

    static TransactionRecorded paid(String transactionId, Money value) {
        return new TransactionRecorded(PROJECT_ID, transactionId, TransactionRecorded.PAYMENT,
                LocalDate.of(2025, 6, 1), value, PAYER, SUPPLIER, CONTRACT_ID, null);
    }

    static InspectionRecorded inspectionPassed(String inspectionId) {
        return new InspectionRecorded(PROJECT_ID, inspectionId, INSPECTOR, LocalDate.of(2025, 7, 1),
                "bridge piers", "passed", null, null);
    }

    static InspectionRecorded inspectionFailed(String inspectionId) {
        return new InspectionRecorded(PROJECT_ID, inspectionId, INSPECTOR, LocalDate.of(2025, 7, 1),
                "bridge piers", "failed", "rebar cover too thin", LocalDate.of(2025, 7, 31));
    }

    static RectificationReported rectificationReported(String inspectionId) {
        return new RectificationReported(PROJECT_ID, inspectionId, LocalDate.of(2025, 7, 20), "cover rebuilt");
    }

    static RectificationVerified rectificationVerified(String inspectionId, boolean accepted) {
        return new RectificationVerified(PROJECT_ID, inspectionId, LocalDate.of(2025, 7, 25), "li.ming", accepted,
                accepted ? null : "cover still thin on pier 3");
    }
}
