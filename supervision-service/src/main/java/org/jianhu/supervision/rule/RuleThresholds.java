package org.jianhu.supervision.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.supervision.risk.Thresholds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The thresholds in force: the catalogue's defaults, overlaid with each rule's newest changed version. */
@Repository
public class RuleThresholds {

    /** A rule's thresholds at one version; version 0 is the catalogue's defaults. */
    public record Version(String ruleId, int version, Map<String, BigDecimal> thresholds) {
    }

    private static final TypeReference<Map<String, BigDecimal>> VALUES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RuleThresholds(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Thresholds current() {
        return inForce(newestVersions(null));
    }

    /** The thresholds as they stood at {@code instant}: the versions changed by then, defaults before any. */
    public Thresholds asOf(Instant instant) {
        return inForce(newestVersions(instant));
    }

    private static Thresholds inForce(List<Version> newest) {
        Thresholds thresholds = Thresholds.defaults();
        for (Version changed : newest) {
            thresholds = thresholds.with(changed.ruleId(), changed.thresholds());
        }
        return thresholds;
    }

    public Map<String, Integer> versions() {
        Map<String, Integer> versions = new HashMap<>();
        newestVersions(null).forEach(changed -> versions.put(changed.ruleId(), changed.version()));
        return versions;
    }

    /**
     * Records the rule's thresholds as a new version: the given values over those in force (refused as
     * {@link Thresholds#changed} says). Two administrators changing one rule at the same moment collide
     * on the version; one is refused.
     */
    public Version change(String ruleId, Map<String, BigDecimal> values, String changedBy) {
        Map<String, BigDecimal> merged = current().changed(ruleId, values);
        Integer newest = jdbc.queryForObject("SELECT max(version) FROM rule_threshold WHERE rule_id = ?",
                Integer.class, ruleId);
        int version = newest == null ? 1 : newest + 1;
        jdbc.update("INSERT INTO rule_threshold (rule_id, version, thresholds, changed_by) "
                + "VALUES (?, ?, CAST(? AS jsonb), ?)", ruleId, version, write(merged), changedBy);
        return new Version(ruleId, version, merged);
    }

    /** The newest version of each changed rule, of those changed by {@code until} (null: all). */
    private List<Version> newestVersions(Instant until) {
        return jdbc.query("SELECT DISTINCT ON (rule_id) rule_id, version, thresholds::text AS thresholds "
                        + "FROM rule_threshold WHERE CAST(? AS timestamptz) IS NULL OR changed_at <= ? "
                        + "ORDER BY rule_id, version DESC",
                (row, index) -> new Version(row.getString("rule_id"), row.getInt("version"),
                        read(row.getString("thresholds"))),
                until == null ? null : Timestamp.from(until), until == null ? null : Timestamp.from(until));
    }

    private Map<String, BigDecimal> read(String values) {
        try {
            return json.readValue(values, VALUES);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored thresholds are not readable", unreadable);
        }
    }

    private String write(Map<String, BigDecimal> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("thresholds cannot be written", unwritable);
        }
    }
}
