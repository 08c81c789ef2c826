package org.jianhu.supervision.signal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.supervision.access.ReadScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signals, open and cleared, of the projects the caller's {@link ReadScope} covers. */
@RestController
class SignalsController {

    private final RiskSignals signals;

    SignalsController(RiskSignals signals) {
        this.signals = signals;
    }

    @GetMapping("/api/risk/signals")
    @Operation(summary = "The signals of the projects the caller may read, newest first (raised at, then id), a page "
            + "at a time; every filter optional, together they all apply")
    Page<RiskSignal> signals(@Parameter(description = "the project's id") @RequestParam(required = false) String project,
                             @Parameter(description = "red, yellow or green") @RequestParam(required = false) String level,
                             @Parameter(description = "open or cleared") @RequestParam(required = false) String status,
                             @Parameter(description = "the rule, e.g. R01") @RequestParam(required = false) String rule,
                             @Parameter(description = "the project's region") @RequestParam(required = false) String region,
                             PageRequest page, CallerIdentity caller) {
        return signals.search(SignalFilter.of(project, level, status, rule, region), ReadScope.of(caller).on("facts"),
                page);
    }
}
