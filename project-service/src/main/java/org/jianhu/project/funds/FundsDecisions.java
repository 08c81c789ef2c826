package org.jianhu.project.funds;

import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.project.project.ProjectState;
import org.jianhu.project.project.RejectedCommand;

import java.time.LocalDate;

import static org.jianhu.project.project.Require.*;

/**
 * What a project decides on its fund movements. A payment before approval, beyond the contract's
 * value or for a milestone not yet met is recorded, for supervision to flag; one naming a contract
 * or milestone the project does not have is refused, and so is one dated after {@code today}: money moves
 * before it is recorded.
 */
public final class FundsDecisions {

    private FundsDecisions() {
    }

    public static TransactionRecorded recordTransaction(RecordTransactionCommand command, ProjectState project,
                                                        LocalDate today) {
        String transactionId = newId("transactionId", command.transactionId(), project::hasTransaction,
                "transaction %s is already recorded");
        String kind = code(TransactionRecorded.KINDS, command.kind());
        OrganisationReference payee = TransactionRecorded.PAYMENT.equals(kind)
                ? party("payee", command.payee()) : optionalParty("payee", command.payee());
        if (command.contractId() != null && project.contract(command.contractId()) == null) {
            throw RejectedCommand.invalid("contractId", "no contract " + command.contractId() + " on this project");
        }
        if (command.milestoneId() != null && project.milestone(command.milestoneId()) == null) {
            throw RejectedCommand.invalid("milestoneId", "no milestone " + command.milestoneId() + " on this project");
        }
        return new TransactionRecorded(project.id(), transactionId, kind, happened("date", command.date(), today),
                positive("value", command.value()), optionalParty("payer", command.payer()), payee,
                command.contractId(), command.milestoneId());
    }
}
