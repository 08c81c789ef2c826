package org.jianhu.supervision.signal;

import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.access.ReadScope;
import org.jianhu.supervision.risk.RiskLevel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Signals, open and cleared, of the projects the caller's {@link ReadScope} covers. */
@RestController
class SignalsController {

    private final RiskSignals signals;

    SignalsController(RiskSignals signals) {
        this.signals = signals;
    }

    @GetMapping("/api/risk/signals")
    List<RiskSignal> signals(@RequestParam(required = false) String project,
                             @RequestParam(required = false) String level,
                             @RequestParam(required = false) String status, CallerIdentity caller) {
        if (status != null && !RiskSignal.OPEN.equals(status) && !RiskSignal.CLEARED.equals(status)) {
            throw new IllegalArgumentException("status is open or cleared, not '" + status + "'");
        }
        return signals.search(project, level == null ? null : RiskLevel.named(level), status,
                ReadScope.of(caller).on("facts"));
    }
}
