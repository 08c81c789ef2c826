package org.jianhu.supervision.assessment;

import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** One project as supervision sees it: how far its events are applied, its facts and its risk. */
public class RiskProject {

    private final String projectId;
    private long nextSequence;
    private Long lastGlobalPosition;
    private final ProjectFacts facts;
    private String code;
    private String title;
    private String region;
    private String stage;
    private RiskLevel level = RiskLevel.GREEN;
    private int score;
    private Instant caughtUpAt;

    RiskProject(String projectId, long nextSequence, Long lastGlobalPosition, ProjectFacts facts,
                String code, String title, String region, String stage) {
        this.projectId = projectId;
        this.nextSequence = nextSequence;
        this.lastGlobalPosition = lastGlobalPosition;
        this.facts = facts;
        this.code = code;
        this.title = title;
        this.region = region;
        this.stage = stage;
    }

    /**
     * {@code event} is the one at {@link #nextSequence()}; null when its type is unknown here. {@code catchUpGap}:
     * see {@link InitialLoads}.
     */
    void fold(EventEnvelope envelope, ProjectEvent event, Duration catchUpGap) {
        if (event != null) {
            facts.apply(event, envelope.globalPosition(), envelope.recordedAt(), catchUpGap);
            stage = facts.status();
            if (event instanceof ProjectRegistered registered) {
                code = registered.code();
                title = registered.title();
                region = registered.region();
            }
        }
        nextSequence = envelope.sequenceNumber() + 1;
        lastGlobalPosition = envelope.globalPosition();
    }

    /** The level is the worst open signal; the score weighs them (red 10, yellow 3). */
    void assess(Collection<RiskLevel> openSignalLevels) {
        level = levelOf(openSignalLevels);
        score = scoreOf(openSignalLevels);
    }

    static RiskLevel levelOf(Collection<RiskLevel> openSignalLevels) {
        return openSignalLevels.stream().reduce(RiskLevel.GREEN, RiskLevel::worse);
    }

    static int scoreOf(Collection<RiskLevel> openSignalLevels) {
        return openSignalLevels.stream().mapToInt(RiskProject::weight).sum();
    }

    private static int weight(RiskLevel level) {
        return switch (level) {
            case RED -> 10;
            case YELLOW -> 3;
            case GREEN -> 0;
        };
    }

    /** Since when the project is judged as of now (its initial load over); null while it is still caught up. */
    public Instant caughtUpAt() {
        return caughtUpAt;
    }

    void caughtUp(Instant at) {
        if (caughtUpAt == null) {
            caughtUpAt = at;
        }
    }

    public String projectId() {
        return projectId;
    }

    public long nextSequence() {
        return nextSequence;
    }

    public Long lastGlobalPosition() {
        return lastGlobalPosition;
    }

    public ProjectFacts facts() {
        return facts;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String region() {
        return region;
    }

    public String stage() {
        return stage;
    }

    public RiskLevel level() {
        return level;
    }

    public int score() {
        return score;
    }
}
