package org.jianhu.project.progress;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Report an observation of physical progress, in percent. */
public record ReportProgressCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                    BigDecimal physicalProgress, LocalDate date) {
}
