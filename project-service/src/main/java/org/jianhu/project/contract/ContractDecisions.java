package org.jianhu.project.contract;

import java.time.LocalDate;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.jianhu.project.project.ProjectState;
import org.jianhu.project.project.RejectedCommand;

import static org.jianhu.project.project.Require.*;

/**
 * What a project decides on its contracts: awarding one, and its change orders. A single bid or an
 * award before approval is recorded, for supervision to flag.
 */
public final class ContractDecisions {

    private ContractDecisions() {
    }

    /** Signed on a business date not after {@code today}: a contract is recorded once it exists. */
    public static ContractAwarded award(AwardContractCommand command, ProjectState project, LocalDate today) {
        String contractId = newId("contractId", command.contractId(), id -> project.contract(id) != null,
                "contract %s is already awarded");
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
        return new ContractAwarded(project.id(), contractId, code(ContractAwarded.NATURES, command.nature()),
                code(ContractAwarded.PROCUREMENT_METHODS, command.procurementMethod()), tenderers,
                command.tenderPeriod(), command.costEstimate(), party("supplier", command.supplier()),
                positive("contractValue", command.contractValue()),
                ordered("contractPeriod", command.contractPeriod()), happened("dateSigned", command.dateSigned(), today));
    }

    /**
     * The old value or period comes from the record, so a change order cannot disagree with history. It is dated
     * when it was agreed, not after {@code today}; the new contract period may end in the future.
     */
    public static ContractModified modify(ModifyContractCommand command, ProjectState project, LocalDate today) {
        ContractState contract = project.contract(command.contractId());
        if (contract == null) {
            throw RejectedCommand.notFound("no contract " + command.contractId() + " on project " + project.id());
        }
        String modificationId = newId("modificationId", command.modificationId(), contract::hasModification,
                "change order %s is already recorded");
        String type = code(ContractModified.TYPES, command.type());
        Money newValue = ContractModified.VALUE.equals(type)
                ? positive("newContractValue", command.newContractValue()) : null;
        Period newPeriod = ContractModified.DURATION.equals(type)
                ? ordered("newContractPeriod", command.newContractPeriod()) : null;
        String description = ContractModified.SCOPE.equals(type)
                ? text("description", command.description()) : optionalText("description", command.description());
        return new ContractModified(project.id(), command.contractId(), modificationId,
                happened("date", command.date(), today), type, description, text("rationale", command.rationale()),
                newValue == null ? null : contract.contractValue(), newValue,
                newPeriod == null ? null : contract.contractPeriod(), newPeriod);
    }
}
