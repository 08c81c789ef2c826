package org.jianhu.project.project;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.inspection.RecordInspectionCommand;
import org.jianhu.project.inspection.ReportRectificationCommand;
import org.jianhu.project.inspection.VerifyRectificationCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ReportProgressCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.jianhu.contracts.common.Money.cny;
import static org.jianhu.project.project.ProjectEvents.*;

/**
 * Commands on the project of {@link ProjectEvents}, valid unless a test says otherwise. Those with
 * many fields come as builders, so that a test names only the field it is about.
 */
final class ProjectCommands {

    private ProjectCommands() {
    }

    static Registration registration() {
        return new Registration();
    }

    static ApproveProjectCommand approve() {
        return new ApproveProjectCommand(PROJECT_ID, null, LocalDate.of(2025, 2, 10), "XFG[2025]12");
    }

    static ReassignSupervisorsCommand reassign(List<String> supervisors) {
        return new ReassignSupervisorsCommand(PROJECT_ID, null, supervisors, "li.ming moved to another county");
    }

    static SuspendProjectCommand suspend() {
        return new SuspendProjectCommand(PROJECT_ID, null, LocalDate.of(2025, 8, 1), "flood season");
    }

    static ResumeProjectCommand resume() {
        return new ResumeProjectCommand(PROJECT_ID, null, LocalDate.of(2025, 9, 15), "flood season over");
    }

    static CancelProjectCommand cancel() {
        return new CancelProjectCommand(PROJECT_ID, null, LocalDate.of(2025, 6, 30), "route abandoned");
    }

    static RecordCompletionCommand complete(Money finalValue) {
        return new RecordCompletionCommand(PROJECT_ID, null, LocalDate.of(2026, 11, 20), finalValue,
                "ring road, 12.4 km");
    }

    static RecordCompletionCommand complete() {
        return complete(cny("118500000"));
    }

    static PlanMilestoneCommand planMilestone(String milestoneId, String type, Money value) {
        return new PlanMilestoneCommand(PROJECT_ID, null, milestoneId, "Works commence", type, "commencement",
                LocalDate.of(2025, 5, 15), value);
    }

    static PlanMilestoneCommand planMilestone(String milestoneId) {
        return planMilestone(milestoneId, "delivery", null);
    }

    static ReportMilestoneStatusCommand reportMilestone(String milestoneId, String status, LocalDate dateMet) {
        return new ReportMilestoneStatusCommand(PROJECT_ID, null, milestoneId, status, dateMet);
    }

    static ReportProgressCommand reportProgress(String percent) {
        return new ReportProgressCommand(PROJECT_ID, null, new BigDecimal(percent), LocalDate.of(2025, 10, 1));
    }

    static Award award() {
        return new Award();
    }

    static Modification modify() {
        return new Modification();
    }

    static Transaction transaction(String kind) {
        return new Transaction(kind);
    }

    static Transaction payment() {
        return transaction(TransactionRecorded.PAYMENT);
    }

    static Transaction appropriation() {
        return transaction(TransactionRecorded.APPROPRIATION).payer(OrganisationReference.named("county finance bureau")).payee(null);
    }

    static Inspection inspection() {
        return new Inspection();
    }

    static ReportRectificationCommand reportRectification(String inspectionId) {
        return new ReportRectificationCommand(PROJECT_ID, null, inspectionId, LocalDate.of(2025, 7, 20),
                "cover rebuilt");
    }

    static VerifyRectificationCommand verifyRectification(String inspectionId, Boolean accepted) {
        return new VerifyRectificationCommand(PROJECT_ID, null, inspectionId, LocalDate.of(2025, 7, 25), "li.ming",
                accepted, Boolean.FALSE.equals(accepted) ? "cover still thin on pier 3" : null);
    }

    static final class Registration {
        private String code = "XS-2025-001";
        private String title = "Xianghu ring road";
        private String type = "construction";
        private Money budget = cny("120000000");
        private Period plannedPeriod = PLANNED;
        private List<String> supervisors = List.of("li.ming", "wang.fang");

        Registration code(String code) {
            this.code = code;
            return this;
        }

        Registration title(String title) {
            this.title = title;
            return this;
        }

        Registration type(String type) {
            this.type = type;
            return this;
        }

        Registration budget(Money budget) {
            this.budget = budget;
            return this;
        }

        Registration plannedPeriod(Period plannedPeriod) {
            this.plannedPeriod = plannedPeriod;
            return this;
        }

        Registration supervisors(List<String> supervisors) {
            this.supervisors = supervisors;
            return this;
        }

        RegisterProjectCommand command() {
            return new RegisterProjectCommand(PROJECT_ID, code, title, type, "330109", OWNER, budget,
                    plannedPeriod, supervisors);
        }
    }

    static final class Award {
        private String contractId = CONTRACT_ID;
        private String nature = "construction";
        private String procurementMethod = "open";
        private Integer numberOfTenderers = 5;
        private Period tenderPeriod = new Period(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 10));
        private Money contractValue = cny("98000000");
        private LocalDate dateSigned = SIGNED;
        private OrganisationReference supplier = SUPPLIER;
        private Period contractPeriod = CONTRACTED;

        Award contractId(String contractId) {
            this.contractId = contractId;
            return this;
        }

        Award nature(String nature) {
            this.nature = nature;
            return this;
        }

        Award procurementMethod(String procurementMethod) {
            this.procurementMethod = procurementMethod;
            return this;
        }

        Award numberOfTenderers(Integer numberOfTenderers) {
            this.numberOfTenderers = numberOfTenderers;
            return this;
        }

        Award tenderPeriod(Period tenderPeriod) {
            this.tenderPeriod = tenderPeriod;
            return this;
        }

        Award contractValue(Money contractValue) {
            this.contractValue = contractValue;
            return this;
        }

        Award contractPeriod(Period contractPeriod) {
            this.contractPeriod = contractPeriod;
            return this;
        }

        Award dateSigned(LocalDate dateSigned) {
            this.dateSigned = dateSigned;
            return this;
        }

        Award supplier(OrganisationReference supplier) {
            this.supplier = supplier;
            return this;
        }

        AwardContractCommand command() {
            return new AwardContractCommand(PROJECT_ID, null, contractId, nature, procurementMethod,
                    numberOfTenderers, tenderPeriod, cny("100000000"), supplier, contractValue, contractPeriod, dateSigned);
        }
    }

    static final class Modification {
        private String contractId = CONTRACT_ID;
        private String modificationId = "modification-1";
        private String type = "value";
        private String description = "extra drainage";
        private Money newContractValue;
        private Period newContractPeriod;

        Modification contractId(String contractId) {
            this.contractId = contractId;
            return this;
        }

        Modification modificationId(String modificationId) {
            this.modificationId = modificationId;
            return this;
        }

        Modification type(String type) {
            this.type = type;
            return this;
        }

        Modification description(String description) {
            this.description = description;
            return this;
        }

        Modification newContractValue(Money newContractValue) {
            this.newContractValue = newContractValue;
            return this;
        }

        Modification newContractPeriod(Period newContractPeriod) {
            this.newContractPeriod = newContractPeriod;
            return this;
        }

        ModifyContractCommand command() {
            return new ModifyContractCommand(PROJECT_ID, null, contractId, modificationId, LocalDate.of(2025, 9, 1),
                    type, description, "ground survey found a spring", newContractValue, newContractPeriod);
        }
    }

    static final class Transaction {
        private final String kind;
        private String transactionId = "transaction-1";
        private Money value = cny("5000000");
        private OrganisationReference payer = PAYER;
        private OrganisationReference payee = SUPPLIER;
        private String contractId;
        private String milestoneId;

        private Transaction(String kind) {
            this.kind = kind;
        }

        Transaction transactionId(String transactionId) {
            this.transactionId = transactionId;
            return this;
        }

        Transaction value(Money value) {
            this.value = value;
            return this;
        }

        Transaction payer(OrganisationReference payer) {
            this.payer = payer;
            return this;
        }

        Transaction payee(OrganisationReference payee) {
            this.payee = payee;
            return this;
        }

        Transaction contractId(String contractId) {
            this.contractId = contractId;
            return this;
        }

        Transaction milestoneId(String milestoneId) {
            this.milestoneId = milestoneId;
            return this;
        }

        RecordTransactionCommand command() {
            return new RecordTransactionCommand(PROJECT_ID, null, transactionId, kind, LocalDate.of(2025, 6, 1), value,
                    payer, payee, contractId, milestoneId);
        }

        TransactionRecorded recorded() {
            return new TransactionRecorded(PROJECT_ID, transactionId, kind, LocalDate.of(2025, 6, 1), value, payer,
                    payee, contractId, milestoneId);
        }
    }

    static final class Inspection {
        private String inspectionId = INSPECTION_ID;
        private String result = "passed";
        private String findings;
        private LocalDate rectificationDeadline;

        Inspection inspectionId(String inspectionId) {
            this.inspectionId = inspectionId;
            return this;
        }

        Inspection passed() {
            result = "passed";
            return this;
        }

        Inspection failed(String findings, LocalDate rectificationDeadline) {
            this.result = "failed";
            this.findings = findings;
            this.rectificationDeadline = rectificationDeadline;
            return this;
        }

        Inspection result(String result) {
            this.result = result;
            return this;
        }

        RecordInspectionCommand command() {
            return new RecordInspectionCommand(PROJECT_ID, null, inspectionId, INSPECTOR,
                    LocalDate.of(2025, 7, 1), "bridge piers", result, findings, rectificationDeadline);
        }
    }
}
