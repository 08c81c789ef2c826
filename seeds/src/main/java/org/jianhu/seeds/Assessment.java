package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Waits until supervision has applied every loaded project's events, then reads the outcome: each
 * project's level and the indicators of its open signals, read as the auditor reads them.
 */
public class Assessment {

    public static final String READER = "aud-sun";

    public record ProjectOutcome(ProjectSeed seed, String level, List<String> indicators) {

        public boolean asExpected() {
            return seed.expected().level().equals(level)
                    && new TreeSet<>(seed.expected().indicators()).equals(new TreeSet<>(indicators));
        }
    }

    public record Outcome(List<ProjectOutcome> projects) {

        public Map<String, Integer> levels() {
            var counts = new TreeMap<String, Integer>();
            projects.forEach(p -> counts.merge(p.level(), 1, Integer::sum));
            return counts;
        }
    }

    private final Gateway gateway;

    public Assessment(Gateway gateway) {
        this.gateway = gateway;
    }

    public Outcome await(PortfolioLoading.Loaded loaded, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Map<String, JsonNode> risk = riskByProject();
            List<PortfolioLoading.LoadedProject> pending = loaded.projects().stream()
                    .filter(p -> !assessed(risk.get(p.projectId()), p.version())).toList();
            if (pending.isEmpty()) {
                return outcome(loaded, risk);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SeedFailure("supervision has not assessed " + pending.stream()
                        .map(p -> p.seed().code()).toList() + " within " + patience.toSeconds() + " s");
            }
            Gateway.pause(Duration.ofSeconds(1));
        }
    }

    private static boolean assessed(JsonNode risk, long version) {
        return risk != null && risk.path("appliedThroughSequence").asLong(-1) >= version;
    }

    private Map<String, JsonNode> riskByProject() {
        var byProject = new HashMap<String, JsonNode>();
        gateway.everyItem(READER, "/api/risk/projects")
                .forEach(project -> byProject.put(project.path("projectId").asText(), project));
        return byProject;
    }

    private Outcome outcome(PortfolioLoading.Loaded loaded, Map<String, JsonNode> risk) {
        var projects = new ArrayList<ProjectOutcome>();
        for (PortfolioLoading.LoadedProject project : loaded.projects()) {
            projects.add(new ProjectOutcome(project.seed(), risk.get(project.projectId()).path("level").asText(),
                    openIndicators(project.projectId())));
        }
        return new Outcome(projects);
    }

    private List<String> openIndicators(String projectId) {
        var indicators = new TreeSet<String>();
        gateway.everyItem(READER, "/api/risk/signals?status=open&project=" + projectId)
                .forEach(signal -> indicators.add(signal.path("ruleId").asText()));
        return List.copyOf(indicators);
    }
}
