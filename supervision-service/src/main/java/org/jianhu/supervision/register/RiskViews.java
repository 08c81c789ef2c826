package org.jianhu.supervision.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.supervision.access.ReadScope;
import org.jianhu.supervision.access.SqlCondition;
import org.jianhu.supervision.assessment.RiskRegisterParking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The risk register as the API serves it. */
@Repository
class RiskViews {

    /** @param stale null while the project's events are being applied; else since when they are not */
    record ProjectRisk(String projectId, String code, String title, String region, String stage, String level,
                       int score, long openSignals, long appliedThroughSequence, Instant updatedAt, Stale stale,
                       JsonNode facts) {
    }

    /**
     * The project is parked: its level, signals and facts are as they stood before the event at
     * {@code sincePosition}, which could not be applied, and stay so until it is retried.
     */
    record Stale(long sincePosition, String reason, Instant parkedAt) {
    }

    /** The parking of a project (if any) by the consumer that applies events to this register. */
    private static final String PARKED = "parked_project pp ON pp.consumer = '" + RiskRegisterParking.CONSUMER
            + "' AND pp.project_id = ";

    private static final String SELECT = "SELECT p.project_id, p.code, p.title, p.region, p.stage, p.level, p.score, "
            + "p.next_sequence, p.updated_at, p.facts::text AS facts, (SELECT count(*) FROM risk_signal s "
            + "WHERE s.project_id = p.project_id AND s.status = 'open') AS open_signals, "
            + "pp.position AS stale_since, pp.reason AS stale_reason, pp.parked_at AS stale_parked_at "
            + "FROM risk_project p LEFT JOIN " + PARKED + "p.project_id";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RiskViews(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<ProjectRisk> projects(String region, String stage, String level, ReadScope scope) {
        SqlCondition readable = scope.on("p.facts");
        StringBuilder sql = new StringBuilder(SELECT + " WHERE " + readable.sql());
        List<Object> arguments = new ArrayList<>(readable.arguments());
        if (region != null) {
            sql.append(" AND p.region = ?");
            arguments.add(region);
        }
        if (stage != null) {
            sql.append(" AND p.stage = ?");
            arguments.add(stage);
        }
        if (level != null) {
            sql.append(" AND p.level = ?");
            arguments.add(level);
        }
        sql.append(" ORDER BY p.score DESC, p.project_id");
        return jdbc.query(sql.toString(), mapper(false), arguments.toArray());
    }

    /** Money comes from each project's facts (CNY, amounts kept as strings there). */
    private static final String PORTFOLIO = "WITH p AS (SELECT region, stage, level, "
            + "coalesce((facts -> 'budget' ->> 'amount')::numeric, 0) AS budget, "
            + "coalesce((SELECT sum((c.value -> 'currentValue' ->> 'amount')::numeric) "
            + "FROM jsonb_each(coalesce(facts -> 'contracts', '{}'::jsonb)) AS c), 0) AS contract_value, "
            + "coalesce((facts -> 'paid' ->> 'amount')::numeric, 0) AS paid, pp.project_id IS NOT NULL AS stale "
            + "FROM risk_project LEFT JOIN " + PARKED + "risk_project.project_id "
            + "WHERE (CAST(? AS text) IS NULL OR region = ?) AND %s) "
            + "SELECT grouping(region) AS no_region, grouping(stage) AS no_stage, grouping(level) AS no_level, "
            + "region, stage, level, count(*) AS projects, count(*) FILTER (WHERE stale) AS stale_projects, "
            + "coalesce(sum(budget), 0) AS budget, "
            + "coalesce(sum(contract_value), 0) AS contract_value, coalesce(sum(paid), 0) AS paid FROM p "
            + "GROUP BY GROUPING SETS ((region), (stage), (level), ()) ORDER BY 1, 2, 3, 4, 5, 6";

    /** Only the projects {@code scope} covers are counted. */
    Portfolio portfolio(String region, ReadScope scope) {
        SqlCondition readable = scope.on("facts");
        List<Object> arguments = new ArrayList<>(Arrays.asList(region, region));
        arguments.addAll(readable.arguments());
        List<Portfolio.Group> byRegion = new ArrayList<>();
        List<Portfolio.Group> byStage = new ArrayList<>();
        List<Portfolio.Group> byLevel = new ArrayList<>();
        Portfolio.Group[] all = {new Portfolio.Group(null, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)};
        jdbc.query(PORTFOLIO.formatted(readable.sql()), row -> {
            String key = row.getInt("no_region") == 0 ? row.getString("region")
                    : row.getInt("no_stage") == 0 ? row.getString("stage")
                    : row.getInt("no_level") == 0 ? row.getString("level") : null;
            Portfolio.Group group = new Portfolio.Group(key, row.getLong("projects"), row.getLong("stale_projects"),
                    row.getBigDecimal("budget"),
                    row.getBigDecimal("contract_value"), row.getBigDecimal("paid"));
            if (row.getInt("no_region") == 0) {
                byRegion.add(group);
            } else if (row.getInt("no_stage") == 0) {
                byStage.add(group);
            } else if (row.getInt("no_level") == 0) {
                byLevel.add(group);
            } else {
                all[0] = group;
            }
        }, arguments.toArray());
        return new Portfolio(region, all[0], byRegion, byStage, byLevel);
    }

    Optional<ProjectRisk> project(String projectId) {
        return jdbc.query(SELECT + " WHERE p.project_id = ?", mapper(true), projectId).stream().findFirst();
    }

    private RowMapper<ProjectRisk> mapper(boolean withFacts) {
        return (row, index) -> new ProjectRisk(row.getString("project_id"), row.getString("code"),
                row.getString("title"), row.getString("region"), row.getString("stage"), row.getString("level"),
                row.getInt("score"), row.getLong("open_signals"), row.getLong("next_sequence") - 1,
                row.getTimestamp("updated_at").toInstant(), stale(row), withFacts ? tree(row.getString("facts")) : null);
    }

    private static Stale stale(ResultSet row) throws SQLException {
        long since = row.getLong("stale_since");
        return row.wasNull() ? null : new Stale(since, row.getString("stale_reason"),
                row.getTimestamp("stale_parked_at").toInstant());
    }

    private JsonNode tree(String facts) {
        try {
            return facts == null ? null : json.readTree(facts);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored facts are not JSON", unreadable);
        }
    }
}
