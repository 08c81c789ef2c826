package org.jianhu.supervision.rule;

import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.assessment.Reassessing;
import org.jianhu.supervision.risk.Indicator;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.web.NotAllowed;
import org.jianhu.supervision.web.UnknownRule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The catalogue's indicators with the thresholds in force; administrators change thresholds. */
@RestController
class RulesController {

    /** @param thresholdsVersion 0 while the catalogue's defaults are in force */
    record RuleDescription(String id, int version, String nameZh, String nameEn,
                           Map<String, BigDecimal> thresholds, int thresholdsVersion) {
    }

    record ThresholdsChanged(String ruleId, int thresholdsVersion, Map<String, BigDecimal> thresholds,
                             int reassessedProjects) {
    }

    private static final String CHANGES = "the thresholds to change, by name, each within its unit (percentage points 0 to 100, "
            + "percent 0 to 1000, days 0 to 3650, counts 0 to 1000, amounts in CNY 0 to 10^15), a yellow threshold milder "
            + "than its red one; those left out keep their value";

    private final RiskCatalogue catalogue;
    private final RuleThresholds thresholds;
    private final Reassessing reassessing;

    RulesController(RiskCatalogue catalogue, RuleThresholds thresholds, Reassessing reassessing) {
        this.catalogue = catalogue;
        this.thresholds = thresholds;
        this.reassessing = reassessing;
    }

    @GetMapping("/api/risk/rules")
    List<RuleDescription> rules() {
        Map<String, Map<String, BigDecimal>> current = thresholds.current().asMap();
        Map<String, Integer> versions = thresholds.versions();
        return catalogue.indicators().stream().map(indicator -> describe(indicator,
                current.getOrDefault(indicator.id(), Map.of()), versions.getOrDefault(indicator.id(), 0))).toList();
    }

    /**
     * An administrator changes some of a rule's thresholds: a new version, in force at once, and
     * every project evaluated again with it (raising, re-colouring or clearing signals).
     */
    @PutMapping("/api/risk/rules/{ruleId}")
    ThresholdsChanged changeThresholds(@PathVariable String ruleId,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(description = CHANGES)
                                       @RequestBody Map<String, BigDecimal> values, CallerIdentity caller) {
        NotAllowed.requireAdmin(caller);
        catalogue.indicator(ruleId).orElseThrow(() -> new UnknownRule(ruleId));
        RuleThresholds.Version changed = thresholds.change(ruleId, values, caller.user());
        return new ThresholdsChanged(ruleId, changed.version(), changed.thresholds(), reassessing.reassessAll());
    }

    private static RuleDescription describe(Indicator indicator, Map<String, BigDecimal> thresholds, int version) {
        return new RuleDescription(indicator.id(), indicator.version(), indicator.nameZh(), indicator.nameEn(),
                thresholds, version);
    }
}
