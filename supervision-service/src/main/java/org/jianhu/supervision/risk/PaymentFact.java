package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.Money;

import java.time.LocalDate;

/** Money paid out of the project ({@code kind = payment}); contract and milestone links are optional. */
public record PaymentFact(String transactionId, LocalDate date, Money value, String payer, String payee,
                          String contractId, String milestoneId, long position) {

    public String subject() {
        return "payment:" + transactionId;
    }
}
