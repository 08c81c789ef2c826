package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

import java.time.LocalDate;

/**
 * A change order (OC4IDS modification) of {@code type} duration, value or scope. Old values are
 * taken from the record, not from the caller, so they cannot disagree with history.
 */
@Revision("1")
public record ContractModified(String projectId, String contractId, String modificationId, LocalDate date,
                               String type, String description, String rationale,
                               Money oldContractValue, Money newContractValue,
                               Period oldContractPeriod, Period newContractPeriod) implements ProjectEvent {
}
