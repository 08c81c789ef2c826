package org.jianhu.alert.signal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.NotPermitted;
import org.jianhu.alert.lifecycle.Role;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For admins: the projects whose signal changes are held back, and retrying one after the fix. */
@RestController
@RequestMapping("/api/alerts/parked")
class ParkedProjectsController {

    private final ParkedSignals parking;
    private final RetryingParkedProjects retrying;

    ParkedProjectsController(ParkedSignals parking, RetryingParkedProjects retrying) {
        this.parking = parking;
        this.retrying = retrying;
    }

    @GetMapping
    @Operation(summary = "The projects whose signal changes are held back, the longest parked first, a page at a time")
    Page<ParkedProject> parked(Actor actor, PageRequest page) {
        adminOnly(actor);
        return parking.page(page);
    }

    @PostMapping("/{projectId}/retry")
    @ApiResponse(responseCode = "200", description = "unparked; the held changes applied, in order, each once")
    @ApiResponse(responseCode = "409", description = "a held change still cannot be applied: parked again")
    RetryingParkedProjects.Retried retry(Actor actor, @PathVariable String projectId) {
        adminOnly(actor);
        return retrying.retry(projectId);
    }

    private static void adminOnly(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new NotPermitted("only an admin sees and retries parked projects, not a " + actor.role().wireName());
        }
    }
}
