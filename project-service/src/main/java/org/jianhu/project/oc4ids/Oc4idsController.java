package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jianhu.project.project.Actor;
import org.jianhu.project.web.ProblemType;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.FieldError;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** OC4IDS project packages in (an admin's import) and out (a project's export). */
@RestController
public class Oc4idsController {

    private final Importing importing;
    private final ProjectPackages packages;

    public Oc4idsController(Importing importing, ProjectPackages packages) {
        this.importing = importing;
        this.packages = packages;
    }

    @Operation(summary = "Import an OC4IDS 0.9.5 project package (admin): each project registered (code = its OC4IDS "
            + "id) and its facts recorded through the project's commands; answers a report field by field. strict "
            + "(default) refuses a package any part of which cannot be recorded (422, nothing recorded), found by a dry "
            + "run before anything is recorded; should another write change a project between the dry run and the "
            + "recording, 409 with what was recorded. partial records the rest. Importing a package again records "
            + "nothing twice")
    @PostMapping("/api/oc4ids/import")
    public ResponseEntity<?> importPackage(@RequestBody JsonNode projectPackage,
                                           @Parameter(description = "strict (default) or partial")
                                           @RequestParam(defaultValue = "strict") String mode,
                                           @Parameter(description = "the region of each new project")
                                           @RequestParam(required = false) String region,
                                           @Parameter(description = "the supervisor accounts of each new project")
                                           @RequestParam(required = false) List<String> supervisors,
                                           Actor actor) {
        ImportMode importMode = ImportMode.of(mode);
        ImportReport report = importing.importPackage(projectPackage, importMode, region, supervisors, actor);
        if (report.interrupted()) {
            ProblemDetail interrupted = CommonProblem.CONFLICT.detail("the package passed its dry run, but while it "
                    + "was recorded a project refused a fact the dry run had taken: another write changed it in "
                    + "between (see problems). What projects lists was recorded, nothing after it. Import the package "
                    + "again to record the rest; nothing is recorded twice");
            interrupted.setProperty("projects", report.projects());
            interrupted.setProperty("problems", report.problems());
            interrupted.setProperty("notKept", report.notKept());
            return ProblemHandling.answer(interrupted);
        }
        if (!report.recorded()) {
            ProblemDetail refused = ProblemType.OC4IDS_NOT_IMPORTABLE.detail(report.problems().size()
                    + (report.problems().size() == 1 ? " part" : " parts") + " of the package cannot be recorded "
                    + "(see problems); nothing was recorded. Correct them, or import with mode=partial to record "
                    + "the rest");
            refused.setProperty("problems", report.problems());
            refused.setProperty("notKept", report.notKept());
            return ProblemHandling.answer(refused);
        }
        return ResponseEntity.ok(report);
    }

    @Operation(summary = "A project's record as an OC4IDS 0.9.5 project package; for those who may read the project")
    @GetMapping("/api/projects/{projectId}/oc4ids")
    public ObjectNode export(@PathVariable String projectId, Actor actor) {
        return packages.export(projectId, actor);
    }

    @ExceptionHandler(Importing.InvalidPackage.class)
    ResponseEntity<Object> invalidPackage(Importing.InvalidPackage invalid) {
        return ProblemHandling.answer(FieldError.invalid(invalid.getMessage(), invalid.violations()));
    }
}
