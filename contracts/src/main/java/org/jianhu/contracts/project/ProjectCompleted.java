package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;

import java.time.LocalDate;

/** 竣工: OC4IDS completion, compared downstream with the planned period and budget. */
@Revision("1")
public record ProjectCompleted(String projectId, LocalDate endDate, Money finalValue, String finalScope)
        implements ProjectEvent {
}
