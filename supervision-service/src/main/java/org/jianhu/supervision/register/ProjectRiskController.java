package org.jianhu.supervision.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Parameter;
import org.jianhu.servicesupport.identity.CallerIdentity;
import org.jianhu.supervision.access.ReadScope;
import org.jianhu.supervision.assessment.FactsFormat;
import org.jianhu.supervision.assessment.RiskAsOf;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.signal.RiskSignal;
import org.jianhu.supervision.signal.RiskSignals;
import org.jianhu.supervision.web.NotAllowed;
import org.jianhu.supervision.web.UnknownProject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** One project's risk: as it stands, with its open signals, or as it stood at an instant. */
@RestController
class ProjectRiskController {

    record ProjectDetail(RiskViews.ProjectRisk project, List<RiskSignal> openSignals,
                         PlannedVersusActual plannedVersusActual) {
    }

    /** The risk picture as it stood at {@code asOf}, recomputed from the project's history. */
    record ProjectDetailThen(String projectId, Instant asOf, LocalDate businessDate, long appliedThroughSequence,
                             String stage, RiskLevel level, int score, JsonNode facts,
                             List<SignalCondition> conditions, PlannedVersusActual plannedVersusActual) {
    }

    private static final String AS_OF = "an ISO-8601 instant: the risk as it stood then, recomputed from the "
            + "project's history (left out: as it stands, with the open signals)";

    private final RiskViews views;
    private final RiskSignals signals;
    private final RiskAsOf riskAsOf;
    private final FactsFormat factsFormat;

    ProjectRiskController(RiskViews views, RiskSignals signals, RiskAsOf riskAsOf, FactsFormat factsFormat) {
        this.views = views;
        this.signals = signals;
        this.riskAsOf = riskAsOf;
        this.factsFormat = factsFormat;
    }

    @GetMapping("/api/risk/projects/{projectId}")
    ProjectDetail project(@PathVariable String projectId, CallerIdentity caller) {
        RiskViews.ProjectRisk project = views.project(projectId).orElseThrow(() -> new UnknownProject(projectId));
        ProjectFacts facts = project.facts() == null ? null : factsFormat.read(project.facts());
        requireReadable(caller, projectId, facts);
        return new ProjectDetail(project, signals.openOf(projectId),
                facts == null ? null : PlannedVersusActual.of(facts));
    }

    /**
     * As the project stood at {@code asOf}. The mapping's params demand asOf; the parameter says optional
     * for the OpenAPI document, which joins both mappings of the path into one operation.
     */
    @GetMapping(value = "/api/risk/projects/{projectId}", params = "asOf")
    ProjectDetailThen projectAsOf(@PathVariable String projectId,
                                  @Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
                                  CallerIdentity caller) {
        Instant then = instant(asOf);
        // Who may read a project is decided by its scope now; only one not consumed yet is judged by its past.
        Optional<RiskViews.ProjectRisk> now = views.project(projectId).filter(project -> project.facts() != null);
        if (now.isPresent()) {
            requireReadable(caller, projectId, factsFormat.read(now.get().facts()));
        }
        RiskAsOf.Picture picture = riskAsOf.of(projectId, then).orElseThrow(() -> new UnknownProject(projectId));
        if (now.isEmpty()) {
            requireReadable(caller, projectId, picture.facts());
        }
        return new ProjectDetailThen(projectId, then, picture.businessDate(), picture.appliedThroughSequence(),
                picture.stage(), picture.level(), picture.score(), factsFormat.tree(picture.facts()),
                picture.conditions(), PlannedVersusActual.of(picture.facts()));
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("asOf is an ISO-8601 instant such as 2026-03-01T00:00:00Z, not '"
                    + value + "'");
        }
    }

    private static void requireReadable(CallerIdentity caller, String projectId, ProjectFacts facts) {
        if (!ReadScope.of(caller).covers(facts)) {
            throw NotAllowed.outsideScope(caller, projectId);
        }
    }
}
