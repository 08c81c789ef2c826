package org.jianhu.supervision.register;

import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.access.ReadScope;
import org.jianhu.supervision.risk.RiskLevel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The register by risk and the portfolio's sums, over the projects the caller's {@link ReadScope} covers. */
@RestController
class RegisterController {

    private final RiskViews views;

    RegisterController(RiskViews views) {
        this.views = views;
    }

    @GetMapping("/api/risk/projects")
    List<RiskViews.ProjectRisk> projects(@RequestParam(required = false) String region,
                                         @RequestParam(required = false) String stage,
                                         @RequestParam(required = false) String level, CallerIdentity caller) {
        return views.projects(region, stage, level == null ? null : RiskLevel.named(level).name(),
                ReadScope.of(caller));
    }

    @GetMapping("/api/risk/portfolio")
    Portfolio portfolio(@RequestParam(required = false) String region, CallerIdentity caller) {
        if (region != null && region.isBlank()) {
            throw new IllegalArgumentException("region names a region, or is left out for all");
        }
        return views.portfolio(region, ReadScope.of(caller));
    }
}
