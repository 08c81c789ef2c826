package org.jianhu.project.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** 整改: the owner reports the findings put right. */
public record ReportRectificationCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                         String inspectionId, LocalDate date, String description) {
}
