package org.jianhu.supervision.api;

import org.jianhu.supervision.assessment.Reassessing;
import org.jianhu.supervision.assessment.Rebuilding;
import org.jianhu.supervision.assessment.RuleThresholds;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.signal.RiskSignal;
import org.jianhu.supervision.signal.RiskSignals;
import org.jianhu.supervision.web.NotAllowed;
import org.jianhu.supervision.web.UnknownProject;
import org.jianhu.supervision.web.UnknownRule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What supervisors read: the register by risk, one project's facts and signals, signals, rules. */
@RestController
class RiskController {

    record ProjectDetail(RiskViews.ProjectRisk project, List<RiskSignal> openSignals) {
    }

    record RuleDescription(String id, int version, String nameZh, String nameEn,
                           Map<String, BigDecimal> thresholds, int thresholdsVersion) {
    }

    record ThresholdsChanged(String ruleId, int thresholdsVersion, Map<String, BigDecimal> thresholds,
                             int reassessedProjects) {
    }

    private final RiskViews views;
    private final RiskSignals signals;
    private final RiskCatalogue catalogue;
    private final RuleThresholds thresholds;
    private final Reassessing reassessing;
    private final Rebuilding rebuilding;

    RiskController(RiskViews views, RiskSignals signals, RiskCatalogue catalogue, RuleThresholds thresholds,
                   Reassessing reassessing, Rebuilding rebuilding) {
        this.rebuilding = rebuilding;
        this.views = views;
        this.signals = signals;
        this.catalogue = catalogue;
        this.thresholds = thresholds;
        this.reassessing = reassessing;
    }

    @GetMapping("/api/risk/projects")
    List<RiskViews.ProjectRisk> projects(@RequestParam(required = false) String region,
                                         @RequestParam(required = false) String stage,
                                         @RequestParam(required = false) String level) {
        return views.projects(region, stage, level == null ? null : levelNamed(level).name());
    }

    @GetMapping("/api/risk/projects/{projectId}")
    ProjectDetail project(@PathVariable String projectId) {
        RiskViews.ProjectRisk project = views.project(projectId).orElseThrow(() -> new UnknownProject(projectId));
        return new ProjectDetail(project, signals.openOf(projectId));
    }

    @GetMapping("/api/risk/signals")
    List<RiskSignal> signals(@RequestParam(required = false) String project,
                             @RequestParam(required = false) String level,
                             @RequestParam(required = false) String status) {
        if (status != null && !RiskSignal.OPEN.equals(status) && !RiskSignal.CLEARED.equals(status)) {
            throw new IllegalArgumentException("status is open or cleared, not '" + status + "'");
        }
        return signals.search(project, level == null ? null : levelNamed(level), status);
    }

    /** An administrator rebuilds every project's facts from the project service's log. */
    @PostMapping("/api/risk/rebuild")
    Rebuilding.Outcome rebuild(@RequestHeader(value = "X-Jianhu-User", required = false) String user,
                               @RequestHeader(value = "X-Jianhu-Role", required = false) String role) {
        NotAllowed.requireRole(user, role, "admin");
        return rebuilding.rebuild();
    }

    @GetMapping("/api/risk/rules")
    List<RuleDescription> rules() {
        Map<String, Map<String, BigDecimal>> current = thresholds.current().asMap();
        Map<String, Integer> versions = thresholds.versions();
        return catalogue.rules().stream()
                .map(rule -> new RuleDescription(rule.id(), rule.version(), rule.nameZh(), rule.nameEn(),
                        current.getOrDefault(rule.id(), Map.of()), versions.getOrDefault(rule.id(), 0)))
                .toList();
    }

    /**
     * An administrator changes some of a rule's thresholds: a new version, in force at once, and
     * every project evaluated again with it (raising, re-colouring or clearing signals).
     */
    @PutMapping("/api/risk/rules/{ruleId}")
    ThresholdsChanged changeThresholds(@PathVariable String ruleId, @RequestBody Map<String, BigDecimal> values,
                                       @RequestHeader(value = "X-Jianhu-User", required = false) String user,
                                       @RequestHeader(value = "X-Jianhu-Role", required = false) String role) {
        String admin = NotAllowed.requireRole(user, role, "admin");
        if (catalogue.rules().stream().noneMatch(rule -> rule.id().equals(ruleId))) {
            throw new UnknownRule(ruleId);
        }
        Map<String, BigDecimal> known = thresholds.current().asMap().getOrDefault(ruleId, Map.of());
        values.forEach((name, value) -> {
            if (!known.isEmpty() && !known.containsKey(name)) {
                throw new IllegalArgumentException("rule " + ruleId + " has no threshold " + name + "; it has "
                        + new java.util.TreeSet<>(known.keySet()));
            }
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException("threshold " + name + " must be a number at least 0");
            }
        });
        if (values.isEmpty()) {
            throw new IllegalArgumentException("name at least one threshold to change");
        }
        RuleThresholds.Version changed = thresholds.change(ruleId, values, admin);
        return new ThresholdsChanged(ruleId, changed.version(), changed.thresholds(), reassessing.reassessAll());
    }

    private static RiskLevel levelNamed(String level) {
        try {
            return RiskLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("level is green, yellow or red, not '" + level + "'");
        }
    }
}
