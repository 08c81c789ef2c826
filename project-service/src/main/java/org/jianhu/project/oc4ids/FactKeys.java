package org.jianhu.project.oc4ids;

import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ContractModified;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.MilestoneStatusReported;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectApproved;
import org.jianhu.contracts.project.ProjectCompleted;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.project.contract.AwardContractCommand;
import org.jianhu.project.contract.ModifyContractCommand;
import org.jianhu.project.funds.RecordTransactionCommand;
import org.jianhu.project.milestone.PlanMilestoneCommand;
import org.jianhu.project.milestone.ReportMilestoneStatusCommand;
import org.jianhu.project.progress.ReportProgressCommand;
import org.jianhu.project.project.ApproveProjectCommand;
import org.jianhu.project.project.RecordCompletionCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The identity of a fact, the same whether it is read from a command the import would send or from an event
 * the project has recorded: what a package names by its own identifiers (contracts, change orders, milestones,
 * transactions), or what a project holds once (approval, completion), or the observation itself (a progress
 * report's date and value, a milestone's status and date). A package imported again sends only what has none.
 */
final class FactKeys {

    private FactKeys() {
    }

    static Optional<String> ofCommand(Object command) {
        if (command instanceof ApproveProjectCommand) {
            return Optional.of(approval());
        }
        if (command instanceof RecordCompletionCommand) {
            return Optional.of(completion());
        }
        if (command instanceof PlanMilestoneCommand c) {
            return Optional.of(milestone(c.milestoneId()));
        }
        if (command instanceof ReportMilestoneStatusCommand c) {
            return Optional.of(milestoneStatus(c.milestoneId(), c.status(), c.dateMet()));
        }
        if (command instanceof AwardContractCommand c) {
            return Optional.of(contract(c.contractId()));
        }
        if (command instanceof ModifyContractCommand c) {
            return Optional.of(modification(c.contractId(), c.modificationId()));
        }
        if (command instanceof RecordTransactionCommand c) {
            return Optional.of(transaction(c.transactionId()));
        }
        if (command instanceof ReportProgressCommand c) {
            return Optional.of(progress(c.date(), c.physicalProgress()));
        }
        return Optional.empty();
    }

    static Optional<String> ofEvent(ProjectEvent event) {
        if (event instanceof ProjectApproved) {
            return Optional.of(approval());
        }
        if (event instanceof ProjectCompleted) {
            return Optional.of(completion());
        }
        if (event instanceof MilestonePlanned e) {
            return Optional.of(milestone(e.milestoneId()));
        }
        if (event instanceof MilestoneStatusReported e) {
            return Optional.of(milestoneStatus(e.milestoneId(), e.status(), e.dateMet()));
        }
        if (event instanceof ContractAwarded e) {
            return Optional.of(contract(e.contractId()));
        }
        if (event instanceof ContractModified e) {
            return Optional.of(modification(e.contractId(), e.modificationId()));
        }
        if (event instanceof TransactionRecorded e) {
            return Optional.of(transaction(e.transactionId()));
        }
        if (event instanceof ProgressReported e) {
            return Optional.of(progress(e.date(), e.physicalProgress()));
        }
        return Optional.empty();
    }

    private static String approval() {
        return "approval";
    }

    private static String completion() {
        return "completion";
    }

    private static String milestone(String id) {
        return "milestone " + id;
    }

    private static String milestoneStatus(String id, String status, LocalDate dateMet) {
        return "milestone " + id + " " + status + " " + dateMet;
    }

    private static String contract(String id) {
        return "contract " + id;
    }

    private static String modification(String contractId, String id) {
        return "contract " + contractId + " modification " + id;
    }

    private static String transaction(String id) {
        return "transaction " + id;
    }

    private static String progress(LocalDate date, BigDecimal value) {
        return "progress " + date + " " + (value == null ? null : value.stripTrailingZeros().toPlainString());
    }
}
