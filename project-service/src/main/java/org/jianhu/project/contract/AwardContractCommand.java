package org.jianhu.project.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import org.jianhu.contracts.common.Period;

import java.time.LocalDate;

/** Record a contract awarded at the end of a procurement. */
public record AwardContractCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                   String contractId, String nature, String procurementMethod,
                                   Integer numberOfTenderers, Period tenderPeriod, Money costEstimate,
                                   OrganisationReference supplier, Money contractValue, Period contractPeriod,
                                   LocalDate dateSigned) {
}
