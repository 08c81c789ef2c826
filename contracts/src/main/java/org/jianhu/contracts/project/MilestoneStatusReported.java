package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Status is met, partiallyMet or notMet; {@code dateMet} is set when met. */
@Revision("1")
public record MilestoneStatusReported(String projectId, String milestoneId, String status, LocalDate dateMet)
        implements ProjectEvent {

    /** A planned milestone's OC4IDS status until its first report; it cannot be reported. */
    public static final String SCHEDULED = "scheduled";
    public static final String MET = "met";
    public static final String NOT_MET = "notMet";
    public static final String PARTIALLY_MET = "partiallyMet";
    /** The OC4IDS milestoneStatus codes an owner may report. */
    public static final CodeList STATUSES = CodeList.of("status", MET, NOT_MET, PARTIALLY_MET);
}
