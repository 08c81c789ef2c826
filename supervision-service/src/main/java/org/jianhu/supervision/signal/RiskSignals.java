package org.jianhu.supervision.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.paging.Position;
import org.jianhu.supervision.access.SqlCondition;
import org.jianhu.supervision.risk.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
public class RiskSignals {

    private static final String COLUMNS = "id, project_id, rule_id, rule_version, subject, level, numbers::text AS numbers, "
            + "evidence::text AS evidence, explanation_zh, explanation_en, status, raised_at, changed_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RiskSignals(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<RiskSignal> openOf(String projectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_signal WHERE project_id = ? AND status = 'open' "
                + "ORDER BY raised_at, id", mapper(), projectId);
    }

    /** Every signal the project has had, open or cleared, oldest first. */
    public List<RiskSignal> allOf(String projectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_signal WHERE project_id = ? ORDER BY raised_at, id",
                mapper(), projectId);
    }

    /** The projects on which a signal of this rule and subject is open. */
    public List<String> projectsWithOpen(String ruleId, String subject) {
        return jdbc.queryForList("SELECT DISTINCT project_id FROM risk_signal WHERE rule_id = ? AND subject = ? "
                + "AND status = 'open' ORDER BY project_id", String.class, ruleId, subject);
    }

    /**
     * A page of the signals {@code filter} holds, newest first; signals raised at the same instant by id, so that
     * each page starts exactly where the one before ended.
     *
     * @param readable a condition on {@code risk_project.facts}: only the signals of projects it holds for
     */
    public Page<RiskSignal> search(SignalFilter filter, SqlCondition readable, PageRequest page) {
        StringBuilder projects = new StringBuilder("SELECT project_id FROM risk_project WHERE " + readable.sql());
        List<Object> arguments = new ArrayList<>(readable.arguments());
        if (filter.region() != null) {
            projects.append(" AND region = ?");
            arguments.add(filter.region());
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM risk_signal WHERE project_id IN (" + projects
                + ")");
        if (filter.projectId() != null) {
            sql.append(" AND project_id = ?");
            arguments.add(filter.projectId());
        }
        if (filter.level() != null) {
            sql.append(" AND level = ?");
            arguments.add(filter.level().name());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            arguments.add(filter.status());
        }
        if (filter.ruleId() != null) {
            sql.append(" AND rule_id = ?");
            arguments.add(filter.ruleId());
        }
        if (page.after().isPresent()) {
            Position after = page.after().get().expecting(2);
            sql.append(" AND (raised_at, id) < (?, ?)");
            arguments.add(Timestamp.from(after.instant(0)));
            arguments.add(after.uuid(1));
        }
        sql.append(" ORDER BY raised_at DESC, id DESC LIMIT ?");
        arguments.add(page.fetch());
        return Page.of(jdbc.query(sql.toString(), mapper(), arguments.toArray()), page,
                signal -> List.of(signal.raisedAt(), signal.id()));
    }

    void insert(RiskSignal signal) {
        jdbc.update("INSERT INTO risk_signal (id, project_id, rule_id, rule_version, subject, level, numbers, evidence, "
                        + "explanation_zh, explanation_en, status, raised_at, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?)",
                signal.id(), signal.projectId(), signal.ruleId(), signal.ruleVersion(), signal.subject(),
                signal.level().name(), write(signal.numbers()), write(signal.evidence()), signal.explanationZh(),
                signal.explanationEn(), signal.status(), Timestamp.from(signal.raisedAt()),
                Timestamp.from(signal.changedAt()));
    }

    void update(RiskSignal signal) {
        jdbc.update("UPDATE risk_signal SET rule_version = ?, level = ?, numbers = CAST(? AS jsonb), "
                        + "evidence = CAST(? AS jsonb), explanation_zh = ?, explanation_en = ?, status = ?, changed_at = ? "
                        + "WHERE id = ?",
                signal.ruleVersion(), signal.level().name(), write(signal.numbers()), write(signal.evidence()),
                signal.explanationZh(), signal.explanationEn(), signal.status(), Timestamp.from(signal.changedAt()),
                signal.id());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("signal figures cannot be written as JSON", unwritable);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored signal figures are not readable", unreadable);
        }
    }

    private RowMapper<RiskSignal> mapper() {
        return (row, index) -> new RiskSignal(row.getObject("id", UUID.class), row.getString("project_id"),
                row.getString("rule_id"), row.getInt("rule_version"), row.getString("subject"),
                RiskLevel.valueOf(row.getString("level")),
                read(row.getString("numbers"), new TypeReference<Map<String, Object>>() {
                }),
                read(row.getString("evidence"), new TypeReference<List<Long>>() {
                }),
                row.getString("explanation_zh"), row.getString("explanation_en"), row.getString("status"),
                row.getTimestamp("raised_at").toInstant(), row.getTimestamp("changed_at").toInstant());
    }
}
