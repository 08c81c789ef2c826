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

    public static final String DURATION = "duration";
    public static final String VALUE = "value";
    public static final String SCOPE = "scope";
    /** OC4IDS modificationType. */
    public static final CodeList TYPES = CodeList.of("type", DURATION, VALUE, SCOPE);
}
