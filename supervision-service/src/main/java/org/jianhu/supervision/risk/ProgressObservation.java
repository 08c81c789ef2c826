package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One reading of the physical progress metric, in percent of the works. */
public record ProgressObservation(BigDecimal percent, LocalDate date, long position) {
}
