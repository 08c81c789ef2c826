package org.jianhu.contracts.signal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What supervision publishes on {@code <prefix>.risk-signals} when a signal is raised, changes level or
 * clears, or when the project details an open signal carries change. Consumers de-duplicate on
 * {@code changeId}. A cleared signal travels with level {@code GREEN} and its last colour in
 * {@code previousLevel}.
 *
 * <p>The project's {@code region}, {@code projectCode}, {@code projectTitle}, {@code ownerOrganisation}
 * and responsible {@code supervisors} are as supervision knew them when the change was made; a reader
 * takes a missing one (a message from before they were added, or a project not yet registered) as
 * unknown, not as empty. Readers ignore properties they do not know, and changes of a kind they do not
 * know (a later kind is added within the same revision, so a reader must not take it for a raise).
 *
 * @param change {@code raised}, {@code levelChanged}, {@code cleared} or {@code restated}
 */
@Revision("1")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskSignalChanged(UUID changeId, UUID signalId, String projectId, String ruleId, int ruleVersion,
                                String subject, String change, String level, String previousLevel,
                                Map<String, Object> numbers, List<Long> evidence, String explanationZh,
                                String explanationEn, Instant occurredAt, String region, String projectCode,
                                String projectTitle, String ownerOrganisation, List<String> supervisors) {

    public static final String REVISION = "1";
    public static final String RAISED = "raised";
    public static final String LEVEL_CHANGED = "levelChanged";
    public static final String CLEARED = "cleared";
    /**
     * The signal is unchanged ({@code level} = {@code previousLevel}); the project details it carries —
     * supervisors, owner organisation, region, code, title — changed.
     */
    public static final String RESTATED = "restated";

    public static String exchange(String prefix) {
        return prefix + ".risk-signals";
    }

    public String routingKey() {
        return "signal." + level.toLowerCase() + "." + ruleId;
    }

    public boolean cleared() {
        return CLEARED.equals(change) || "GREEN".equalsIgnoreCase(level);
    }
}
