package org.jianhu.supervision.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.paging.Position;
import org.jianhu.supervision.access.ReadScope;
import org.jianhu.supervision.access.SqlCondition;
import org.jianhu.supervision.assessment.RiskRegisterParking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The risk register as the API serves it. */
@Repository
class RiskViews {

    /**
     * @param openRules the rules of the project's open signals, the worst colour first, then by rule
     * @param stale     null while the project's events are being applied; else since when they are not
     */
    record ProjectRisk(String projectId, String code, String title, String region, String stage, String level,
                       int score, long openSignals, List<String> openRules, long appliedThroughSequence,
                       Instant updatedAt, Stale stale, JsonNode facts) {
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
            + "(SELECT array_agg(r.rule_id ORDER BY r.worst DESC, r.rule_id) FROM (SELECT s.rule_id, "
            + "max(" + rank("s.level") + ") AS worst FROM risk_signal s WHERE s.project_id = p.project_id "
            + "AND s.status = 'open' GROUP BY s.rule_id) r) AS open_rules, "
            + "pp.position AS stale_since, pp.reason AS stale_reason, pp.parked_at AS stale_parked_at "
            + "FROM risk_project p LEFT JOIN " + PARKED + "p.project_id";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RiskViews(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The register's order: by code, then by id (a project whose registration is not known yet has no code). */
    private static final String ORDER = "coalesce(p.code, '')";

    /** A page of the projects {@code scope} covers that {@code filter} holds, by code and id. */
    Page<ProjectRisk> projects(ProjectFilter filter, ReadScope scope, PageRequest page) {
        SqlCondition readable = scope.on("p.facts");
        StringBuilder sql = new StringBuilder(SELECT + " WHERE " + readable.sql());
        List<Object> arguments = new ArrayList<>(readable.arguments());
        if (filter.region() != null) {
            sql.append(" AND p.region = ?");
            arguments.add(filter.region());
        }
        if (filter.stage() != null) {
            sql.append(" AND p.stage = ?");
            arguments.add(filter.stage());
        }
        if (filter.level() != null) {
            sql.append(" AND p.level = ?");
            arguments.add(filter.level().name());
        }
        if (filter.ruleId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM risk_signal s WHERE s.project_id = p.project_id "
                    + "AND s.status = 'open' AND s.rule_id = ?)");
            arguments.add(filter.ruleId());
        }
        if (filter.text() != null) {
            // strpos, not LIKE: a % or _ the caller types is only a character
            sql.append(" AND (strpos(lower(coalesce(p.code, '')), lower(?)) > 0 "
                    + "OR strpos(lower(coalesce(p.title, '')), lower(?)) > 0)");
            arguments.add(filter.text());
            arguments.add(filter.text());
        }
        if (page.after().isPresent()) {
            Position after = page.after().get().expecting(2);
            sql.append(" AND (" + ORDER + ", p.project_id) > (?, ?)");
            arguments.add(after.text(0));
            arguments.add(after.text(1));
        }
        sql.append(" ORDER BY " + ORDER + ", p.project_id LIMIT ?");
        arguments.add(page.fetch());
        return Page.of(jdbc.query(sql.toString(), mapper(false), arguments.toArray()), page,
                project -> List.of(project.code() == null ? "" : project.code(), project.projectId()));
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
            + "GROUP BY GROUPING SETS ((region), (stage), (level), (region, level), ()) ORDER BY 1, 2, 3, 4, 5, 6";

    /** Only the projects {@code scope} covers are counted. */
    Portfolio portfolio(String region, ReadScope scope) {
        SqlCondition readable = scope.on("facts");
        List<Object> arguments = new ArrayList<>(Arrays.asList(region, region));
        arguments.addAll(readable.arguments());
        List<Portfolio.Group> byRegion = new ArrayList<>();
        List<Portfolio.Group> byStage = new ArrayList<>();
        List<Portfolio.Group> byLevel = new ArrayList<>();
        Map<String, Map<String, Long>> colours = new LinkedHashMap<>();
        Portfolio.Group[] all = {new Portfolio.Group(null, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)};
        jdbc.query(PORTFOLIO.formatted(readable.sql()), row -> {
            boolean ofRegion = row.getInt("no_region") == 0;
            boolean ofStage = row.getInt("no_stage") == 0;
            boolean ofLevel = row.getInt("no_level") == 0;
            if (ofRegion && ofLevel) {
                colours.computeIfAbsent(row.getString("region"), none -> Portfolio.RegionColours.none())
                        .put(row.getString("level"), row.getLong("projects"));
                return;
            }
            String key = ofRegion ? row.getString("region") : ofStage ? row.getString("stage")
                    : ofLevel ? row.getString("level") : null;
            Portfolio.Group group = new Portfolio.Group(key, row.getLong("projects"), row.getLong("stale_projects"),
                    row.getBigDecimal("budget"),
                    row.getBigDecimal("contract_value"), row.getBigDecimal("paid"));
            if (ofRegion) {
                byRegion.add(group);
            } else if (ofStage) {
                byStage.add(group);
            } else if (ofLevel) {
                byLevel.add(group);
            } else {
                all[0] = group;
            }
        }, arguments.toArray());
        return new Portfolio(region, all[0], byRegion, byStage, byLevel, colours.entrySet().stream()
                .map(counted -> new Portfolio.RegionColours(counted.getKey(), counted.getValue())).toList());
    }

    Optional<ProjectRisk> project(String projectId) {
        return jdbc.query(SELECT + " WHERE p.project_id = ?", mapper(true), projectId).stream().findFirst();
    }

    private RowMapper<ProjectRisk> mapper(boolean withFacts) {
        return (row, index) -> new ProjectRisk(row.getString("project_id"), row.getString("code"),
                row.getString("title"), row.getString("region"), row.getString("stage"), row.getString("level"),
                row.getInt("score"), row.getLong("open_signals"), rules(row.getArray("open_rules")),
                row.getLong("next_sequence") - 1,
                row.getTimestamp("updated_at").toInstant(), stale(row), withFacts ? tree(row.getString("facts")) : null);
    }

    private static List<String> rules(Array rules) throws SQLException {
        return rules == null ? List.of() : List.of((String[]) rules.getArray());
    }

    private static String rank(String level) {
        return "CASE " + level + " WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END";
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
