package org.jianhu.supervision.risk;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a fact was recorded: the instant ({@code at}), and the business date the project's history stood at then
 * ({@code asOf}): the date of recording on a live project, the date its history had reached while it was being
 * caught up (see {@link ProjectFacts#catchingUp()}). Late recording (R18) is measured against {@code asOf}, so a
 * history entered years later in business-date order is not late.
 */
public record Recording(Instant at, LocalDate asOf) {
}
