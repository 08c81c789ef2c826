package org.jianhu.supervision.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.access.ReadScope;
import org.jianhu.supervision.assessment.FactsFormat;
import org.jianhu.supervision.assessment.Reassessing;
import org.jianhu.supervision.assessment.RiskAsOf;
import org.jianhu.supervision.assessment.Rebuilding;
import org.jianhu.supervision.assessment.Rebuilds;
import org.jianhu.supervision.assessment.RuleThresholds;
import org.jianhu.supervision.risk.RepeatWinner;
import org.jianhu.supervision.risk.RiskCatalogue;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.signal.RiskSignal;
import org.jianhu.supervision.signal.RiskSignals;
import org.jianhu.supervision.web.NotAllowed;
import org.jianhu.supervision.web.UnknownProject;
import org.jianhu.supervision.web.UnknownRebuild;
import org.jianhu.supervision.web.UnknownRule;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What supervisors read: the register by risk, the portfolio, one project's facts and signals (now or
 * as they stood), signals, rules (the catalogue's and R15). Each caller reads only the projects its
 * {@link ReadScope} covers; administrators change thresholds and rebuild.
 */
@RestController
class RiskController {

    record ProjectDetail(RiskViews.ProjectRisk project, List<RiskSignal> openSignals,
                         PlannedVersusActual plannedVersusActual) {
    }

    /** The risk picture as it stood at {@code asOf}, recomputed from the project's history. */
    record ProjectDetailThen(String projectId, Instant asOf, LocalDate businessDate, long appliedThroughSequence,
                             String stage, RiskLevel level, int score, JsonNode facts,
                             List<SignalCondition> conditions, PlannedVersusActual plannedVersusActual) {
    }

    record RuleDescription(String id, int version, String nameZh, String nameEn,
                           Map<String, BigDecimal> thresholds, int thresholdsVersion) {
    }

    record RebuildStarted(UUID rebuildId, String progress) {
    }

    record ThresholdsChanged(String ruleId, int thresholdsVersion, Map<String, BigDecimal> thresholds,
                             int reassessedProjects) {
    }

    private static final String ADMIN = "admin";

    private final RiskViews views;
    private final RiskSignals signals;
    private final RiskCatalogue catalogue;
    private final RuleThresholds thresholds;
    private final Reassessing reassessing;
    private final Rebuilding rebuilding;
    private final Rebuilds rebuilds;
    private final RiskAsOf riskAsOf;
    private final FactsFormat factsFormat;
    private final ObjectMapper json;

    RiskController(RiskViews views, RiskSignals signals, RiskCatalogue catalogue, RuleThresholds thresholds,
                   Reassessing reassessing, Rebuilding rebuilding, Rebuilds rebuilds, RiskAsOf riskAsOf,
                   FactsFormat factsFormat, ObjectMapper json) {
        this.rebuilds = rebuilds;
        this.riskAsOf = riskAsOf;
        this.factsFormat = factsFormat;
        this.json = json;
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
                                         @RequestParam(required = false) String level, CallerIdentity caller) {
        return views.projects(region, stage, level == null ? null : levelNamed(level).name(), ReadScope.of(caller));
    }

    @GetMapping("/api/risk/portfolio")
    Portfolio portfolio(@RequestParam(required = false) String region, CallerIdentity caller) {
        if (region != null && region.isBlank()) {
            throw new IllegalArgumentException("region names a region, or is left out for all");
        }
        return views.portfolio(region, ReadScope.of(caller));
    }

    @GetMapping("/api/risk/projects/{projectId}")
    ProjectDetail project(@PathVariable String projectId, CallerIdentity caller) {
        RiskViews.ProjectRisk project = views.project(projectId).orElseThrow(() -> new UnknownProject(projectId));
        ProjectFacts facts = project.facts() == null ? null : factsFormat.read(project.facts().toString());
        requireReadable(caller, projectId, facts);
        return new ProjectDetail(project, signals.openOf(projectId),
                facts == null ? null : PlannedVersusActual.of(facts));
    }

    @GetMapping(value = "/api/risk/projects/{projectId}", params = "asOf")
    ProjectDetailThen projectAsOf(@PathVariable String projectId, @RequestParam String asOf, CallerIdentity caller) {
        Instant then = instant(asOf);
        // Who may read a project is decided by its scope now; only one not consumed yet is judged by its past.
        Optional<RiskViews.ProjectRisk> now = views.project(projectId).filter(project -> project.facts() != null);
        if (now.isPresent()) {
            requireReadable(caller, projectId, factsFormat.read(now.get().facts().toString()));
        }
        RiskAsOf.Picture picture = riskAsOf.of(projectId, then).orElseThrow(() -> new UnknownProject(projectId));
        if (now.isEmpty()) {
            requireReadable(caller, projectId, picture.facts());
        }
        return new ProjectDetailThen(projectId, then, picture.businessDate(), picture.appliedThroughSequence(),
                picture.stage(), picture.level(), picture.score(), stored(picture.facts()), picture.conditions(),
                PlannedVersusActual.of(picture.facts()));
    }

    /** Facts as the stored view shows them. */
    private JsonNode stored(ProjectFacts facts) {
        try {
            return json.readTree(factsFormat.write(facts));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("facts of project " + facts.projectId() + " are not JSON", unreadable);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("asOf is an ISO-8601 instant such as 2026-03-01T00:00:00Z, not '"
                    + value + "'");
        }
    }

    @GetMapping("/api/risk/signals")
    List<RiskSignal> signals(@RequestParam(required = false) String project,
                             @RequestParam(required = false) String level,
                             @RequestParam(required = false) String status, CallerIdentity caller) {
        if (status != null && !RiskSignal.OPEN.equals(status) && !RiskSignal.CLEARED.equals(status)) {
            throw new IllegalArgumentException("status is open or cleared, not '" + status + "'");
        }
        return signals.search(project, level == null ? null : levelNamed(level), status,
                ReadScope.of(caller).on("facts"));
    }

    /** An administrator rebuilds every project's facts from the project service's log, in the background. */
    @PostMapping("/api/risk/rebuild")
    ResponseEntity<RebuildStarted> rebuild(CallerIdentity caller) {
        NotAllowed.requireRole(caller, ADMIN);
        UUID id = rebuilding.start(caller.user());
        return ResponseEntity.accepted().location(URI.create("/api/risk/rebuild/" + id))
                .body(new RebuildStarted(id, "/api/risk/rebuild/" + id));
    }

    @GetMapping("/api/risk/rebuild/{rebuildId}")
    Rebuilds.Progress rebuildProgress(@PathVariable UUID rebuildId, CallerIdentity caller) {
        NotAllowed.requireRole(caller, ADMIN);
        return rebuilds.find(rebuildId).orElseThrow(() -> new UnknownRebuild(rebuildId));
    }

    @GetMapping("/api/risk/rules")
    List<RuleDescription> rules() {
        Map<String, Map<String, BigDecimal>> current = thresholds.current().asMap();
        Map<String, Integer> versions = thresholds.versions();
        List<RuleDescription> rules = new ArrayList<>(catalogue.rules().stream()
                .map(rule -> new RuleDescription(rule.id(), rule.version(), rule.nameZh(), rule.nameEn(),
                        current.getOrDefault(rule.id(), Map.of()), versions.getOrDefault(rule.id(), 0)))
                .toList());
        rules.add(new RuleDescription(RepeatWinner.ID, RepeatWinner.VERSION, RepeatWinner.NAME_ZH,
                RepeatWinner.NAME_EN, current.getOrDefault(RepeatWinner.ID, Map.of()),
                versions.getOrDefault(RepeatWinner.ID, 0)));
        return rules;
    }

    /**
     * An administrator changes some of a rule's thresholds: a new version, in force at once, and
     * every project evaluated again with it (raising, re-colouring or clearing signals).
     */
    @PutMapping("/api/risk/rules/{ruleId}")
    ThresholdsChanged changeThresholds(@PathVariable String ruleId, @RequestBody Map<String, BigDecimal> values,
                                       CallerIdentity caller) {
        NotAllowed.requireRole(caller, ADMIN);
        if (!RepeatWinner.ID.equals(ruleId) && catalogue.rules().stream().noneMatch(rule -> rule.id().equals(ruleId))) {
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
        RuleThresholds.Version changed = thresholds.change(ruleId, values, caller.user());
        return new ThresholdsChanged(ruleId, changed.version(), changed.thresholds(), reassessing.reassessAll());
    }

    private static void requireReadable(CallerIdentity caller, String projectId, ProjectFacts facts) {
        if (!ReadScope.of(caller).covers(facts)) {
            throw NotAllowed.outsideScope(caller, projectId);
        }
    }

    private static RiskLevel levelNamed(String level) {
        try {
            return RiskLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("level is green, yellow or red, not '" + level + "'");
        }
    }
}
