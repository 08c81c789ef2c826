package org.jianhu.alert.handling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.alert.lifecycle.Alert;
import org.jianhu.alert.lifecycle.AlertStatus;
import org.jianhu.alert.lifecycle.Change;
import org.jianhu.alert.lifecycle.Level;
import org.jianhu.alert.lifecycle.ProjectScope;
import org.jianhu.alert.lifecycle.Step;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.jianhu.servicesupport.paging.Position;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The alerts, one per signal: the alert table (each alert's steps are its {@link Timeline}). */
@Repository
public class Alerts {

    private static final String ALERT_COLUMNS = "id, signal_id, project_id, rule_id, rule_version, subject, "
            + "explanation_zh, explanation_en, level, signal_level, status, assignee_organisation, deadline, region, "
            + "raised_at, updated_at";
    private static final String SUMMARY_COLUMNS = ALERT_COLUMNS + ", project_code, project_title, owner_organisation, "
            + "supervisors::text AS supervisors";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final EscalationPolicy escalation;

    Alerts(JdbcClient jdbc, EscalationPolicy escalation) {
        this.jdbc = jdbc;
        this.escalation = escalation;
    }

    /** @return false when the signal has its alert already */
    public boolean insertIfAbsent(Alert alert, SignalDetails signal, Instant raisedAt) {
        return jdbc.sql("INSERT INTO alert (" + ALERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (signal_id) DO NOTHING")
                .params(alert.id(), alert.signalId(), alert.projectId(), alert.ruleId(), signal.ruleVersion(),
                        signal.subject(), signal.explanationZh(), signal.explanationEn(), alert.level().name(),
                        alert.signalLevel().name(), alert.status().wireName(), alert.assigneeOrganisation(),
                        alert.deadline() == null ? null : Date.valueOf(alert.deadline()), signal.region(),
                        Timestamp.from(raisedAt), Timestamp.from(raisedAt))
                .update() == 1;
    }

    /** Takes what a later change says about the project; what it leaves out (unknown) stays as it was. */
    public void describeProject(UUID signalId, SignalDetails signal) {
        jdbc.sql("UPDATE alert SET region = coalesce(?, region), project_code = coalesce(?, project_code), "
                        + "project_title = coalesce(?, project_title), owner_organisation = coalesce(?, owner_organisation), "
                        + "supervisors = coalesce(CAST(? AS jsonb), supervisors) WHERE signal_id = ?")
                .params(signal.region(), signal.projectCode(), signal.projectTitle(), signal.ownerOrganisation(),
                        signal.supervisors() == null ? null : write(signal.supervisors()), signalId)
                .update();
    }

    public Optional<Alert> lock(UUID id) {
        return jdbc.sql("SELECT " + ALERT_COLUMNS + " FROM alert WHERE id = ? FOR UPDATE").param(id)
                .query(Alerts::alert).optional();
    }

    public Optional<Alert> lockBySignal(UUID signalId) {
        return jdbc.sql("SELECT " + ALERT_COLUMNS + " FROM alert WHERE signal_id = ? FOR UPDATE").param(signalId)
                .query(Alerts::alert).optional();
    }

    public Level level(UUID id) {
        return jdbc.sql("SELECT level FROM alert WHERE id = ?").param(id)
                .query((rs, row) -> Level.of(rs.getString("level"))).single();
    }

    /** Stores the alert as the change left it, and when it is due for escalation should it stay unassigned. */
    public void store(Change change, Instant at) {
        Alert alert = change.after();
        boolean reopened = change.step() == Step.REOPENED;
        // An alert still unassigned is escalated by the earliest deadline any of its colours set, once.
        jdbc.sql("UPDATE alert SET level = ?, signal_level = ?, status = ?, assignee_organisation = ?, deadline = ?, "
                        + "updated_at = ?, escalated = escalated AND NOT ?, escalation_due = CASE "
                        + "WHEN ? AND (? OR NOT escalated) THEN least(escalation_due, ?) END WHERE id = ?")
                .params(alert.level().name(), alert.signalLevel().name(), alert.status().wireName(),
                        alert.assigneeOrganisation(), alert.deadline() == null ? null : Date.valueOf(alert.deadline()),
                        Timestamp.from(at), reopened, alert.status() == AlertStatus.RAISED, reopened,
                        Timestamp.from(at.plus(escalation.unassignedFor(alert.level()))), alert.id())
                .update();
    }

    /** Locks alerts whose escalation is due and that no other instance is escalating right now. */
    public List<UUID> lockDueForEscalation(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM alert WHERE escalation_due <= ? ORDER BY escalation_due LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    public void markEscalated(UUID id) {
        jdbc.sql("UPDATE alert SET escalated = true, escalation_due = NULL WHERE id = ?").param(id).update();
    }

    public String region(UUID id) {
        return jdbc.sql("SELECT region FROM alert WHERE id = ?").param(id)
                .query((rs, row) -> Optional.ofNullable(rs.getString("region"))).single().orElse(null);
    }

    /**
     * A page of the alerts {@code viewer} may see (see {@link AlertScope}) that {@code filter} holds, newest first;
     * alerts raised at the same instant by id, so that each page starts exactly where the one before ended.
     */
    public Page<AlertSummary> find(AlertFilter filter, Actor viewer, PageRequest page) {
        Optional<Position> after = page.after().map(position -> position.expecting(2));
        return Page.of(jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM alert a "
                        + "WHERE (CAST(:statuses AS text[]) IS NULL OR status = ANY (CAST(:statuses AS text[]))) "
                        + "AND (CAST(:level AS text) IS NULL OR level = :level) "
                        + "AND (CAST(:project AS text) IS NULL OR project_id = :project) "
                        + "AND (CAST(:region AS text) IS NULL OR region = :region) "
                        + "AND (CAST(:rule AS text) IS NULL OR rule_id = :rule) "
                        + "AND (CAST(:afterRaisedAt AS timestamptz) IS NULL "
                        + "OR (raised_at, id) < (CAST(:afterRaisedAt AS timestamptz), CAST(:afterId AS uuid))) "
                        + "AND " + AlertScope.condition(viewer)
                        + " ORDER BY raised_at DESC, id DESC LIMIT :fetch")
                .param("statuses", filter.statuses().isEmpty() ? null
                        : filter.statuses().stream().map(AlertStatus::wireName).toArray(String[]::new))
                .param("level", filter.level() == null ? null : filter.level().name())
                .param("project", filter.projectId()).param("region", filter.region()).param("rule", filter.ruleId())
                .param("afterRaisedAt", after.map(position -> Timestamp.from(position.instant(0))).orElse(null))
                .param("afterId", after.map(position -> position.uuid(1)).orElse(null))
                .param("fetch", page.fetch())
                .params(AlertScope.parameters(viewer))
                .query(Alerts::summary).list(), page, alert -> List.of(alert.raisedAt(), alert.id()));
    }

    /** Those of {@code alertIds} that {@code viewer} may see. */
    public Set<UUID> visibleAmong(Collection<UUID> alertIds, Actor viewer) {
        if (alertIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT a.id FROM alert a WHERE a.id IN (:ids) AND " + AlertScope.condition(viewer))
                .param("ids", alertIds).params(AlertScope.parameters(viewer)).query(UUID.class).list());
    }

    public Optional<AlertSummary> summary(UUID id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM alert WHERE id = ?").param(id).query(Alerts::summary)
                .optional();
    }

    public Optional<ProjectScope> scope(UUID id) {
        return jdbc.sql("SELECT owner_organisation, region, supervisors::text AS supervisors FROM alert WHERE id = ?")
                .param(id).query((rs, row) -> new ProjectScope(rs.getString("owner_organisation"),
                        rs.getString("region"), read(rs.getString("supervisors")))).optional();
    }

    /** The project as each of its alerts here last heard of it: none while no alert is of it. */
    public List<ProjectScope> scopesOfProject(String projectId) {
        return jdbc.sql("SELECT DISTINCT owner_organisation, region, supervisors::text AS supervisors FROM alert "
                        + "WHERE project_id = ?")
                .param(projectId).query((rs, row) -> new ProjectScope(rs.getString("owner_organisation"),
                        rs.getString("region"), read(rs.getString("supervisors")))).list();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        Date deadline = rs.getDate("deadline");
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("signal_id", UUID.class),
                rs.getString("project_id"), rs.getString("rule_id"), Level.of(rs.getString("level")),
                Level.of(rs.getString("signal_level")), AlertStatus.of(rs.getString("status")),
                rs.getString("assignee_organisation"), deadline == null ? null : deadline.toLocalDate());
    }

    private static AlertSummary summary(ResultSet rs, int row) throws SQLException {
        Date deadline = rs.getDate("deadline");
        return new AlertSummary(rs.getObject("id", UUID.class), rs.getObject("signal_id", UUID.class),
                rs.getString("project_id"), rs.getString("rule_id"), rs.getInt("rule_version"), rs.getString("subject"),
                rs.getString("explanation_zh"), rs.getString("explanation_en"), rs.getString("level"),
                rs.getString("signal_level"), rs.getString("status"), rs.getString("assignee_organisation"),
                deadline == null ? null : deadline.toLocalDate(), rs.getString("region"), rs.getString("project_code"),
                rs.getString("project_title"), rs.getString("owner_organisation"), read(rs.getString("supervisors")),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String write(List<String> users) {
        try {
            return JSON.writeValueAsString(users);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("supervisors cannot be written as JSON", unwritable);
        }
    }

    private static List<String> read(String users) {
        try {
            return users == null ? null : JSON.readValue(users, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored supervisors are not readable", unreadable);
        }
    }
}
