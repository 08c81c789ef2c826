package org.jianhu.project.milestone;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jianhu.contracts.common.Money;
import java.time.LocalDate;

/** Plan an OC4IDS milestone. */
public record PlanMilestoneCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                   String milestoneId, String title, String type, String code, LocalDate dueDate,
                                   Money value) {
}
