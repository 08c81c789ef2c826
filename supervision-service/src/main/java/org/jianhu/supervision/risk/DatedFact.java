package org.jianhu.supervision.risk;

import java.time.LocalDate;

/** A dated step in the project's life (approval, suspension, cancellation…) and its evidence. */
public record DatedFact(LocalDate date, String note, long position) {
}
