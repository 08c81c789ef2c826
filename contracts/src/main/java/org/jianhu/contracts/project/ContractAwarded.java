package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

/**
 * A contracting process that ended in an award. {@code nature}: design, construction, supervision;
 * {@code procurementMethod}: open, selective, limited, direct.
 */
@Revision("1")
public record ContractAwarded(String projectId, String contractId, String nature, String procurementMethod,
                              int numberOfTenderers, Period tenderPeriod, Money costEstimate, String supplier,
                              Money contractValue, Period contractPeriod) implements ProjectEvent {
}
