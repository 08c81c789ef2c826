package org.jianhu.supervision.signal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What goes out on the risk-signals exchange when a signal is raised, changes level or clears.
 * Consumers de-duplicate on {@code changeId}. A cleared signal travels with level {@code GREEN} and
 * its last colour in {@code previousLevel}.
 *
 * <p>Crosses a service boundary, so it belongs in {@code contracts}; it lives here until then.
 *
 * @param change {@code raised}, {@code levelChanged} or {@code cleared}
 */
public record RiskSignalChanged(UUID changeId, UUID signalId, String projectId, String ruleId, int ruleVersion,
                                String subject, String change, String level, String previousLevel,
                                Map<String, Object> numbers, List<Long> evidence, String explanationZh,
                                String explanationEn, Instant occurredAt) {

    public static final String REVISION = "1";
    public static final String EXCHANGE_SUFFIX = ".risk-signals";

    public static String exchange(String prefix) {
        return prefix + EXCHANGE_SUFFIX;
    }

    public String routingKey() {
        return "signal." + level.toLowerCase() + "." + ruleId;
    }
}
