package org.jianhu.project.progress;

import org.jianhu.project.project.Actor;
import org.jianhu.project.web.CommandAccepted;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.project.web.ExpectedVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;

@RestController
public class ProgressController {

    record ProgressObservation(BigDecimal physicalProgress, LocalDate date) {
    }

    private final CommandDispatcher commands;

    public ProgressController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/api/projects/{projectId}/progress")
    public ResponseEntity<CommandAccepted> report(@PathVariable String projectId, @RequestBody ProgressObservation body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new ReportProgressCommand(projectId,
                expected.version(), body.physicalProgress(), body.date()), actor));
    }
}
