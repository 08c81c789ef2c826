package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.AlertStatus;
import org.jianhu.alert.lifecycle.Level;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reader narrows the alert list to; every filter optional, all that are given apply together.
 *
 * @param statuses the statuses the alert may be in (empty: any)
 * @param level    the colour shown
 */
public record AlertFilter(Set<AlertStatus> statuses, Level level, String projectId, String region, String ruleId) {

    /** The status filter that stands for every status an alert is still being handled in. */
    public static final String OPEN = "open";

    public AlertFilter {
        statuses = Set.copyOf(statuses);
    }

    /**
     * The filter as the query parameters say it, each refused in plain words when it names nothing; status is a
     * status's wire name ({@code raised}, {@code assigned} …) or {@code open} for any status not closed or dismissed.
     */
    public static AlertFilter of(String status, String level, String projectId, String region, String ruleId) {
        return new AlertFilter(statuses(status), level == null ? null : level(level), projectId, region, ruleId);
    }

    private static Set<AlertStatus> statuses(String status) {
        if (status == null) {
            return Set.of();
        }
        if (OPEN.equals(status)) {
            return Arrays.stream(AlertStatus.values()).filter(AlertStatus::open).collect(Collectors.toSet());
        }
        return Set.of(AlertStatus.of(status));
    }

    private static Level level(String name) {
        try {
            return Level.of(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("level is RED, YELLOW or GREEN, not '" + name + "'");
        }
    }
}
