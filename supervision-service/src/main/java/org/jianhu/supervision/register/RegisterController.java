package org.jianhu.supervision.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.supervision.access.ReadScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register by risk and the portfolio's sums, over the projects the caller's {@link ReadScope} covers. */
@RestController
class RegisterController {

    private final RiskViews views;

    RegisterController(RiskViews views) {
        this.views = views;
    }

    @GetMapping("/api/risk/projects")
    @Operation(summary = "The register by risk of the projects the caller may read, by code (then id), a page at a "
            + "time; every filter optional, together they all apply. Counts by region and colour: the portfolio")
    Page<RiskViews.ProjectRisk> projects(
            @Parameter(description = "the project's region") @RequestParam(required = false) String region,
            @Parameter(description = "the project's stage, e.g. implementation") @RequestParam(required = false) String stage,
            @Parameter(description = "red, yellow or green") @RequestParam(required = false) String level,
            @Parameter(description = "a rule the project has an open signal of, e.g. R01")
            @RequestParam(required = false) String rule,
            @Parameter(description = "what the project's code or title contains, in any case")
            @RequestParam(required = false) String text,
            PageRequest page, CallerIdentity caller) {
        return views.projects(ProjectFilter.of(region, stage, level, rule, text), ReadScope.of(caller), page);
    }

    @GetMapping("/api/risk/portfolio")
    Portfolio portfolio(@RequestParam(required = false) String region, CallerIdentity caller) {
        if (region != null && region.isBlank()) {
            throw new IllegalArgumentException("region names a region, or is left out for all");
        }
        return views.portfolio(region, ReadScope.of(caller));
    }
}
