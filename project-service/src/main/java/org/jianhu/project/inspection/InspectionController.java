package org.jianhu.project.inspection;

import org.jianhu.contracts.common.OrganisationReference;
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
@RequestMapping("/api/projects/{projectId}/inspections")
public class InspectionController {

    record Inspection(String id, OrganisationReference inspector, LocalDate date, String scope, String result, String findings,
                      LocalDate rectificationDeadline) {
    }

    record Rectification(LocalDate date, String description) {
    }

    record Verification(LocalDate date, String verifier, Boolean accepted, String comment) {
    }

    private final CommandDispatcher commands;

    public InspectionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<CommandAccepted> record(@PathVariable String projectId, @RequestBody Inspection body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new RecordInspectionCommand(projectId,
                expected.version(), body.id(), body.inspector(), body.date(), body.scope(), body.result(),
                body.findings(), body.rectificationDeadline()), actor));
    }

    @PostMapping("/{inspectionId}/rectification")
    public ResponseEntity<CommandAccepted> rectify(@PathVariable String projectId, @PathVariable String inspectionId,
                                                   @RequestBody Rectification body,
                                                   ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new ReportRectificationCommand(projectId,
                expected.version(), inspectionId, body.date(), body.description()), actor));
    }

    @PostMapping("/{inspectionId}/verification")
    public ResponseEntity<CommandAccepted> verify(@PathVariable String projectId, @PathVariable String inspectionId,
                                                  @RequestBody Verification body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new VerifyRectificationCommand(projectId,
                expected.version(), inspectionId, body.date(), body.verifier(), body.accepted(),
                body.comment()), actor));
    }
}
