package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.Money;

import java.time.LocalDate;

/** OC4IDS completion (竣工), compared with the planned period and budget. */
public record CompletionFact(LocalDate endDate, Money finalValue, String finalScope, long position) {
}
