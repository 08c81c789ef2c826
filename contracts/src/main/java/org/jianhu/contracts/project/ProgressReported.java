package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An observation of the OC4IDS {@code physicalProgress} metric, in percent of the works. */
@Revision("1")
public record ProgressReported(String projectId, BigDecimal physicalProgress, LocalDate date)
        implements ProjectEvent {
}
