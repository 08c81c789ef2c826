package org.jianhu.supervision.parking;

import io.swagger.v3.oas.annotations.Operation;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.parking.ParkedProject;
import org.jianhu.supervision.assessment.ApplyingProjectEvents.CaughtUp;
import org.jianhu.supervision.assessment.RiskRegisterParking;
import org.jianhu.supervision.web.NotAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see the projects the risk register stopped applying, and retry one once it is fixed. */
@RestController
class ParkedProjectsController {

    private final RiskRegisterParking parking;
    private final RetryingParkedProject retrying;

    ParkedProjectsController(RiskRegisterParking parking, RetryingParkedProject retrying) {
        this.parking = parking;
        this.retrying = retrying;
    }

    @GetMapping("/api/risk/parked")
    @Operation(summary = "the projects whose events are not applied since an event that could not be: where "
            + "(position, event) and why; the longest parked first, a page at a time")
    Page<ParkedProject> parked(CallerIdentity caller, PageRequest page) {
        NotAllowed.requireAdmin(caller);
        return parking.page(page);
    }

    @PostMapping("/api/risk/parked/{projectId}/retry")
    @Operation(summary = "unparks the project and applies its history from where it stopped, exactly once and "
            + "in order; 409 when it still cannot be applied (parked again, saying why)")
    CaughtUp retry(@PathVariable String projectId, CallerIdentity caller) {
        NotAllowed.requireAdmin(caller);
        return retrying.retry(projectId);
    }
}
