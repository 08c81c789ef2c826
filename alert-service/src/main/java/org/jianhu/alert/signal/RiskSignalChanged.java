package org.jianhu.alert.signal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jianhu.alert.lifecycle.Level;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What supervision publishes on {@code <prefix>.risk-signals} when a signal is raised, changes level or
 * clears (revision 1): the same JSON as supervision's record of that name, read tolerantly until the
 * record moves to {@code contracts}. A cleared signal has level {@code GREEN} and its last colour in
 * {@code previousLevel}. {@code region} is not sent yet (escalation then goes to the default lead).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskSignalChanged(UUID changeId, UUID signalId, String projectId, String ruleId, int ruleVersion,
                                String subject, String change, String level, String previousLevel,
                                Map<String, Object> numbers, List<Long> evidence, String explanationZh,
                                String explanationEn, Instant occurredAt, String region) {

    public static final String CLEARED = "cleared";

    public static String exchange(String prefix) {
        return prefix + ".risk-signals";
    }

    /** The colour an alert opens in, should this change be the first of its signal to arrive. */
    public Level openingLevel() {
        if (cleared()) {
            if (previousLevel == null) {
                throw new IllegalArgumentException("a cleared signal names its previousLevel");
            }
            return Level.of(previousLevel);
        }
        return Level.of(level);
    }

    public boolean cleared() {
        return CLEARED.equals(change) || "GREEN".equalsIgnoreCase(level);
    }
}
