package org.jianhu.project.contract;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;
import org.jianhu.project.project.Actor;
import org.jianhu.project.web.CommandAccepted;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.project.web.ExpectedVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/projects/{projectId}/contracts")
public class ContractController {

    /** OCDS names: the tender's fields are nested as in a contracting process. */
    record AwardContract(String id, String nature, Tender tender, OrganisationReference supplier, Money contractValue,
                         Period contractPeriod, LocalDate dateSigned) {
    }

    record Tender(String procurementMethod, Integer numberOfTenderers, Period tenderPeriod, Money costEstimate) {
    }

    record Modification(String id, LocalDate date, String type, String description, String rationale,
                        Money newContractValue, Period newContractPeriod) {
    }

    private final CommandDispatcher commands;

    public ContractController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<CommandAccepted> award(@PathVariable String projectId, @RequestBody AwardContract body,
                                                 ExpectedVersion expected, Actor actor) {
        Tender tender = body.tender() == null ? new Tender(null, null, null, null) : body.tender();
        return CommandAccepted.ok(projectId, commands.dispatch(new AwardContractCommand(projectId,
                expected.version(), body.id(), body.nature(), tender.procurementMethod(),
                tender.numberOfTenderers(), tender.tenderPeriod(), tender.costEstimate(), body.supplier(),
                body.contractValue(), body.contractPeriod(), body.dateSigned()), actor));
    }

    @PostMapping("/{contractId}/modifications")
    public ResponseEntity<CommandAccepted> modify(@PathVariable String projectId, @PathVariable String contractId,
                                                  @RequestBody Modification body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new ModifyContractCommand(projectId,
                expected.version(), contractId, body.id(), body.date(), body.type(), body.description(),
                body.rationale(), body.newContractValue(), body.newContractPeriod()), actor));
    }
}
