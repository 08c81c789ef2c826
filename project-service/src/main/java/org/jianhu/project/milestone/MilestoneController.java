package org.jianhu.project.milestone;

import org.jianhu.contracts.common.Money;
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
@RequestMapping("/api/projects/{projectId}/milestones")
public class MilestoneController {

    record PlanMilestone(String id, String title, String type, String code, LocalDate dueDate, Money value) {
    }

    record MilestoneStatus(String status, LocalDate dateMet) {
    }

    private final CommandDispatcher commands;

    public MilestoneController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<CommandAccepted> plan(@PathVariable String projectId, @RequestBody PlanMilestone body,
                                                ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new PlanMilestoneCommand(projectId,
                expected.version(), body.id(), body.title(), body.type(), body.code(), body.dueDate(),
                body.value()), actor));
    }

    @PostMapping("/{milestoneId}/status")
    public ResponseEntity<CommandAccepted> report(@PathVariable String projectId, @PathVariable String milestoneId,
                                                  @RequestBody MilestoneStatus body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new ReportMilestoneStatusCommand(projectId,
                expected.version(), milestoneId, body.status(), body.dateMet()), actor));
    }
}
