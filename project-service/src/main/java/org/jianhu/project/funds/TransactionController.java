package org.jianhu.project.funds;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.project.project.Actor;
import org.jianhu.project.web.CommandAccepted;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.project.web.ExpectedVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
public class TransactionController {

    /** OCDS transaction; {@code relatedImplementationMilestone} links the milestone it pays for. */
    record Transaction(String id, String kind, LocalDate date, Money value, OrganisationReference payer, OrganisationReference payee,
                       String contractId, String relatedImplementationMilestone) {
    }

    private final CommandDispatcher commands;

    public TransactionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/api/projects/{projectId}/transactions")
    public ResponseEntity<CommandAccepted> record(@PathVariable String projectId, @RequestBody Transaction body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new RecordTransactionCommand(projectId,
                expected.version(), body.id(), body.kind(), body.date(), body.value(), body.payer(),
                body.payee(), body.contractId(), body.relatedImplementationMilestone()), actor));
    }
}
