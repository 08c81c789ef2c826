package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;

import java.time.LocalDate;

/**
 * A fund movement: an {@code appropriation} into the project or a {@code payment} out of it.
 * Contract and milestone are optional links. Payer and payee are parties since revision 2.
 */
@Revision("2")
public record TransactionRecorded(String projectId, String transactionId, String kind, LocalDate date,
                                  Money value, OrganisationReference payer, OrganisationReference payee, String contractId,
                                  String milestoneId) implements ProjectEvent {

    public static final String APPROPRIATION = "appropriation";
    public static final String PAYMENT = "payment";

    /** Ours: appropriations into the project and payments out of it are both OC4IDS transactions. */
    public static final CodeList KINDS = CodeList.of("kind", APPROPRIATION, PAYMENT);
}
