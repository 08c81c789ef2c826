package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.partyEn;
import static org.jianhu.supervision.risk.Wording.partyZh;

/**
 * R08: money paid to someone who supplies none of the project's contracts. Contracts cannot be
 * terminated in this model, so every awarded contract of the project counts as active. Parties are compared by
 * identifier (a name may be spelt two ways); explanations name them.
 */
public final class PayeeNotAContractParty extends CatalogueRule {

    public PayeeNotAContractParty() {
        super("R08", 1, "收款方非合同当事人", "Payee not a contract party");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        List<String> suppliers = facts.contracts().stream().map(ContractFacts::supplierName).toList();
        var conditions = new ArrayList<SignalCondition>();
        for (PaymentFact payment : facts.payments()) {
            if (facts.contracts().stream().anyMatch(c -> c.supplier() != null && c.supplier().sameParty(payment.payee()))) {
                continue;
            }
            String payee = payment.payee() == null ? null : payment.payee().displayName();
            conditions.add(condition(payment.subject(), RiskLevel.RED,
                    numbers("amount", payment.value().amount(), "paymentDate", payment.date(),
                            "payee", payee, "suppliers", suppliers),
                    List.of(payment.position()),
                    "支付%s（%s）的收款方%s不是本项目任何合同的供应商"
                            .formatted(payment.transactionId(), moneyZh(payment.value().amount()),
                                    partyZh(payee)),
                    "Payment %s (%s) went to %s, who supplies none of the project's contracts"
                            .formatted(payment.transactionId(), moneyEn(payment.value().amount()),
                                    partyEn(payee))));
        }
        return conditions;
    }
}
