package org.jianhu.project.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.project.history.ProjectStates;
import org.jianhu.project.web.CommandAccepted;
import org.jianhu.project.web.CommandDispatcher;
import org.jianhu.project.web.ExpectedVersion;
import org.jianhu.project.web.ProblemType;
import org.jianhu.project.web.UnknownProject;
import org.jianhu.project.web.Versions;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Registers projects, moves them through their lifecycle, and reads them back. */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    record RegisterProject(String code, String title, String type, String region, String ownerOrganisation,
                           Money budget, Period plannedPeriod, List<String> supervisors) {
    }

    record Approval(LocalDate approvalDate, String approvalDocumentNumber) {
    }

    record Supervisors(List<String> supervisors, String reason) {
    }

    record DatedReason(LocalDate date, String reason) {
    }

    record Completion(LocalDate endDate, Money finalValue, String finalScope) {
    }

    private final CommandDispatcher commands;
    private final ProjectStates states;
    private final ProjectListings listings;
    private final ProjectCodes codes;

    public ProjectController(CommandDispatcher commands, ProjectStates states, ProjectListings listings,
                             ProjectCodes codes) {
        this.commands = commands;
        this.states = states;
        this.listings = listings;
        this.codes = codes;
    }

    @Operation(summary = "Register a major project (立项登记, admin)")
    @PostMapping
    public ResponseEntity<?> register(@RequestBody RegisterProject body, Actor actor) {
        String projectId = UUID.randomUUID().toString();
        var command = new RegisterProjectCommand(projectId, body.code(), body.title(), body.type(), body.region(),
                body.ownerOrganisation(), body.budget(), body.plannedPeriod(), body.supervisors());
        // the project decides this too; asked first here, a caller who may not register learns no codes
        actor.requireAdministering(command.activity());
        if (body.code() != null && codes.isTaken(body.code())) {
            return ResponseEntity.status(ProblemType.DUPLICATE_CODE.status())
                    .body(ProblemType.DUPLICATE_CODE.detail("project code " + body.code() + " is already registered"));
        }
        commands.dispatch(command, actor);
        return CommandAccepted.created(URI.create("/api/projects/" + projectId), projectId, 0);
    }

    @Operation(summary = "A project's current state, or its state as it stood at an instant (asOf); for those "
            + "who may read the project as it is now")
    @GetMapping("/{projectId}")
    public ResponseEntity<ProjectState> get(@PathVariable String projectId,
                                            @Parameter(description = "ISO-8601 instant, e.g. 2026-03-01T00:00:00Z")
                                            @RequestParam(required = false) Instant asOf,
                                            Actor actor) {
        var current = states.current(projectId).orElseThrow(() -> new UnknownProject(projectId));
        actor.requireReading(current.state());
        var versioned = asOf == null ? current
                : states.asOf(projectId, asOf).orElseThrow(() -> new UnknownProject(projectId));
        return ResponseEntity.ok().eTag(Versions.etag(versioned.version())).body(versioned.state());
    }

    @Operation(summary = "The register of the projects the caller may read, by code (then id), a page at a time, "
            + "with how many the filters hold in all; follows the record within moments")
    @GetMapping
    public Page<ProjectListings.ListedProject> list(
            @Parameter(description = "the project's region") @RequestParam(required = false) String region,
            @Parameter(description = "the project's status, e.g. implementation") @RequestParam(required = false)
            String status,
            PageRequest page, Actor actor) {
        return listings.find(actor, region, status, page);
    }

    @PostMapping("/{projectId}/approval")
    public ResponseEntity<CommandAccepted> approve(@PathVariable String projectId, @RequestBody Approval body,
                                                   ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new ApproveProjectCommand(projectId,
                expected.version(), body.approvalDate(), body.approvalDocumentNumber()), actor));
    }

    @Operation(summary = "Name the responsible supervisors anew (admin)")
    @PostMapping("/{projectId}/supervisors")
    public ResponseEntity<CommandAccepted> reassign(@PathVariable String projectId, @RequestBody Supervisors body,
                                                    ExpectedVersion expected, Actor actor) {
        var command = new ReassignSupervisorsCommand(projectId, expected.version(), body.supervisors(), body.reason());
        return CommandAccepted.ok(projectId, commands.dispatch(command, actor));
    }

    @PostMapping("/{projectId}/suspension")
    public ResponseEntity<CommandAccepted> suspend(@PathVariable String projectId, @RequestBody DatedReason body,
                                                   ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new SuspendProjectCommand(projectId,
                expected.version(), body.date(), body.reason()), actor));
    }

    @PostMapping("/{projectId}/resumption")
    public ResponseEntity<CommandAccepted> resume(@PathVariable String projectId, @RequestBody DatedReason body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new ResumeProjectCommand(projectId,
                expected.version(), body.date(), body.reason()), actor));
    }

    @PostMapping("/{projectId}/cancellation")
    public ResponseEntity<CommandAccepted> cancel(@PathVariable String projectId, @RequestBody DatedReason body,
                                                  ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new CancelProjectCommand(projectId,
                expected.version(), body.date(), body.reason()), actor));
    }

    @PostMapping("/{projectId}/completion")
    public ResponseEntity<CommandAccepted> complete(@PathVariable String projectId, @RequestBody Completion body,
                                                    ExpectedVersion expected, Actor actor) {
        return CommandAccepted.ok(projectId, commands.dispatch(new RecordCompletionCommand(projectId,
                expected.version(), body.endDate(), body.finalValue(), body.finalScope()), actor));
    }
}
