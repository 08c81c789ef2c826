package org.jianhu.project.milestone;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Report a milestone met, partially met or not met. */
public record ReportMilestoneStatusCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                           String milestoneId, String status, LocalDate dateMet) {
}
