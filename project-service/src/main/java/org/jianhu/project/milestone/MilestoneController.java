package org.jianhu.project.milestone;

import org.jianhu.contracts.common.Money;
import org.jianhu.project.project.Actor;
import org.jianhu.project.web.CommandAccepted;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.project.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
                                                @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new PlanMilestoneCommand(projectId,
                Versions.expected(ifMatch), body.id(), body.title(), body.type(), body.code(), body.dueDate(),
                body.value()), actor));
    }

    @PostMapping("/{milestoneId}/status")
    public ResponseEntity<CommandAccepted> report(@PathVariable String projectId, @PathVariable String milestoneId,
                                                  @RequestBody MilestoneStatus body,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                  Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new ReportMilestoneStatusCommand(projectId,
                Versions.expected(ifMatch), milestoneId, body.status(), body.dateMet()), actor));
    }
}
