package org.jianhu.supervision.assessment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The per-project rows: created on a project's first event, locked while one of its events is applied. */
@Repository
public class RiskProjects {

    private final JdbcTemplate jdbc;
    private final FactsFormat factsFormat;

    RiskProjects(JdbcTemplate jdbc, FactsFormat factsFormat) {
        this.jdbc = jdbc;
        this.factsFormat = factsFormat;
    }

    /**
     * Locks the project's row until the transaction ends, so that consumers (in this instance or
     * another) apply one project's events one transaction after the other. Two first events racing
     * to create the row both end up waiting on the same lock.
     */
    RiskProject lockOrCreate(String projectId) {
        jdbc.update("INSERT INTO risk_project (project_id) VALUES (?) ON CONFLICT (project_id) DO NOTHING", projectId);
        return lock(projectId);
    }

    List<String> ids() {
        return jdbc.queryForList("SELECT project_id FROM risk_project ORDER BY project_id", String.class);
    }

    /** The stored facts of the buyer's other projects, as last committed (not locked). */
    List<ProjectFacts> factsOfOtherProjectsOf(String ownerOrganisation, String projectId) {
        return jdbc.query("SELECT facts::text AS facts FROM risk_project WHERE facts ->> 'ownerOrganisation' = ? "
                        + "AND project_id <> ? ORDER BY project_id",
                (row, index) -> factsFormat.read(row.getString("facts")), ownerOrganisation, projectId);
    }

    /** Sets another project's level and score from its open signals (its row is locked until the transaction ends). */
    void relevel(String projectId, Collection<RiskLevel> openSignalLevels) {
        jdbc.update("UPDATE risk_project SET level = ?, score = ?, updated_at = now() WHERE project_id = ?",
                RiskProject.levelOf(openSignalLevels).name(), RiskProject.scoreOf(openSignalLevels), projectId);
    }

    /**
     * The projects still in their initial load whose last event was recorded by {@code quietSince}: due to be
     * judged as of now ({@link EndingInitialLoads}).
     */
    List<String> quietInitialLoads(Instant quietSince) {
        return jdbc.queryForList("SELECT project_id FROM risk_project WHERE caught_up_at IS NULL "
                + "AND (facts ->> 'catchingUp')::boolean AND (facts ->> 'lastRecordedAt')::timestamptz <= ? "
                + "ORDER BY project_id", String.class, Timestamp.from(quietSince));
    }

    RiskProject lock(String projectId) {
        return jdbc.queryForObject("SELECT next_sequence, last_global_position, facts::text AS facts, code, title, "
                + "region, stage, caught_up_at FROM risk_project WHERE project_id = ? FOR UPDATE", (row, index) -> {
                    String facts = row.getString("facts");
                    RiskProject project = new RiskProject(projectId, row.getLong("next_sequence"),
                            row.getObject("last_global_position", Long.class),
                            facts == null ? factsFormat.fresh(projectId) : factsFormat.read(facts),
                            row.getString("code"), row.getString("title"), row.getString("region"),
                            row.getString("stage"));
                    Timestamp caughtUp = row.getTimestamp("caught_up_at");
                    if (caughtUp != null) {
                        project.caughtUp(caughtUp.toInstant());
                    }
                    return project;
                }, projectId);
    }

    void save(RiskProject project) {
        jdbc.update("UPDATE risk_project SET next_sequence = ?, last_global_position = ?, facts = CAST(? AS jsonb), "
                        + "code = ?, title = ?, region = ?, stage = ?, level = ?, score = ?, caught_up_at = ?, "
                        + "updated_at = now() WHERE project_id = ?",
                project.nextSequence(), project.lastGlobalPosition(), factsFormat.write(project.facts()),
                project.code(), project.title(), project.region(), project.stage(), project.level().name(),
                project.score(), project.caughtUpAt() == null ? null : Timestamp.from(project.caughtUpAt()),
                project.projectId());
    }
}
