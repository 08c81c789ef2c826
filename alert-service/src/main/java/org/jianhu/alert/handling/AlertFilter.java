package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.AlertStatus;
import org.jianhu.alert.lifecycle.Level;

/**
 * What a reader narrows the alert list to; every filter optional, all that are given apply together.
 *
 * @param status a status's wire name ({@code raised}, {@code assigned} …)
 * @param level  the colour shown
 */
public record AlertFilter(AlertStatus status, Level level, String projectId, String region, String ruleId) {

    public static final AlertFilter NONE = new AlertFilter(null, null, null, null, null);

    /** The filter as the query parameters say it, each refused in plain words when it names nothing. */
    public static AlertFilter of(String status, String level, String projectId, String region, String ruleId) {
        return new AlertFilter(status == null ? null : AlertStatus.of(status), level == null ? null : level(level),
                projectId, region, ruleId);
    }

    private static Level level(String name) {
        try {
            return Level.of(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("level is RED, YELLOW or GREEN, not '" + name + "'");
        }
    }
}
