package org.jianhu.alert.subscription;

import org.jianhu.alert.lifecycle.Level;

import java.util.Arrays;
import java.util.List;

/**
 * The topic exchange {@code <prefix>.alerts}: an alert change goes out with routing key
 * {@code alert.<level>.<region>.<ruleId>.<projectId>} (level in lower case; a missing region is
 * {@code unknown}; dots and spaces inside a word become {@code _}), and a subscriber queue is bound with
 * one key per colour its filter admits, {@code *} where the filter leaves a part open.
 */
public final class AlertRouting {

    private AlertRouting() {
    }

    public static String exchange(String prefix) {
        return prefix + ".alerts";
    }

    public static String queue(String prefix, Object subscriptionId) {
        return prefix + ".alerts.subscriber." + subscriptionId;
    }

    public static String routingKey(String level, String region, String ruleId, String projectId) {
        return String.join(".", "alert", level.toLowerCase(), word(region == null ? "unknown" : region), word(ruleId),
                word(projectId));
    }

    public static List<String> bindingKeys(String minLevel, String region, String ruleId, String projectId) {
        List<String> levels = minLevel == null ? List.of("*") : Arrays.stream(Level.values())
                .filter(level -> level.compareTo(Level.of(minLevel)) >= 0)
                .map(level -> level.name().toLowerCase()).toList();
        return levels.stream().map(level -> String.join(".", "alert", level, open(region), open(ruleId),
                open(projectId))).toList();
    }

    private static String open(String part) {
        return part == null ? "*" : word(part);
    }

    private static String word(String part) {
        return part.replaceAll("[.\\s#*]", "_");
    }
}
