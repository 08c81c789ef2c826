package org.jianhu.project.register;

import io.swagger.v3.oas.annotations.Operation;
import org.jianhu.project.project.Actor;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.jianhu.servicesupport.parking.ParkedProjects;
import org.jianhu.servicesupport.problem.CommonProblem;
import org.jianhu.servicesupport.problem.ProblemHandling;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The projects the register has parked, and their retry after a fix (admin). */
@RestController
@RequestMapping("/api/projects/parked")
public class ParkedProjectsController {

    private final ParkedProjects parked;
    private final CatchingUp catchingUp;

    public ParkedProjectsController(ParkedProjects parked, CatchingUp catchingUp) {
        this.parked = parked;
        this.catchingUp = catchingUp;
    }

    @Operation(summary = "The projects the register stopped listing at an event it could not apply (admin), the "
            + "longest parked first, a page at a time")
    @GetMapping
    public Page<ParkedProject> parked(Actor actor, PageRequest page) {
        actor.requireAdministering("see the projects the register has parked");
        return parked.page(RegisterParking.CONSUMER, page);
    }

    @Operation(summary = "List a parked project anew from its events, after the fix (admin); parked again, with "
            + "the reason, if an event still cannot be applied")
    @PostMapping("/{projectId}/retry")
    public ResponseEntity<?> retry(@PathVariable String projectId, Actor actor) {
        actor.requireAdministering("retry a parked project");
        return catchingUp.retry(projectId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ProblemHandling.answer(CommonProblem.NOT_FOUND.detail(
                        "the register has not parked project " + projectId)));
    }
}
