package org.jianhu.project.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jianhu.contracts.common.Money;
import java.time.LocalDate;

/** 竣工: the works are complete; the project closes. */
public record RecordCompletionCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                      LocalDate endDate, Money finalValue, String finalScope) {
}
