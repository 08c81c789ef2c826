package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.OrganisationReference;

import java.time.LocalDate;

/**
 * Money paid out of the project ({@code kind = payment}); contract and milestone links are optional.
 * {@code recorded} is null in views stored before it was kept.
 */
public record PaymentFact(String transactionId, LocalDate date, Money value, OrganisationReference payer,
                          OrganisationReference payee, String contractId, String milestoneId, long position,
                          Recording recorded) {

    public String subject() {
        return "payment:" + transactionId;
    }
}
