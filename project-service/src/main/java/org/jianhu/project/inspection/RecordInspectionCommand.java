package org.jianhu.project.inspection;

import org.jianhu.contracts.common.OrganisationReference;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Record an inspection and its result. */
public record RecordInspectionCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                      String inspectionId, OrganisationReference inspector, LocalDate date, String scope,
                                      String result, String findings, LocalDate rectificationDeadline) {
}
