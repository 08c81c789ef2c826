package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Status is met, partiallyMet or notMet; {@code dateMet} is set when met. */
@Revision("1")
public record MilestoneStatusReported(String projectId, String milestoneId, String status, LocalDate dateMet)
        implements ProjectEvent {
}
