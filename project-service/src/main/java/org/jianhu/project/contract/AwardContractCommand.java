package org.jianhu.project.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

/** Record a contract awarded at the end of a procurement. */
public record AwardContractCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                   String contractId, String nature, String procurementMethod,
                                   Integer numberOfTenderers, Period tenderPeriod, Money costEstimate,
                                   String supplier, Money contractValue, Period contractPeriod) {
}
