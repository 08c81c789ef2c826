package org.jianhu.project.funds;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;
import java.time.LocalDate;

/** Record a fund movement: an appropriation in, or a payment out. */
public record RecordTransactionCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                       String transactionId, String kind, LocalDate date, Money value,
                                       OrganisationReference payer, OrganisationReference payee, String contractId, String milestoneId) {
}
