package org.jianhu.project.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** 核验: accept or reject a reported rectification. */
public record VerifyRectificationCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                         String inspectionId, LocalDate date, String verifier, Boolean accepted,
                                         String comment) {
}
