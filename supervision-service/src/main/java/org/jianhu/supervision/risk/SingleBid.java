package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** R11: an open or selective tender that drew a single tenderer (or none) — no competition happened. */
public final class SingleBid extends ContractRule {

    public SingleBid() {
        super("R11", 1, "单一投标", "Single bid");
    }

    @Override
    protected Optional<SignalCondition> evaluate(ContractFacts contract, Thresholds thresholds) {
        BigDecimal max = threshold(thresholds, "maxTenderers");
        if (!contract.isCompetitive() || BigDecimal.valueOf(contract.numberOfTenderers()).compareTo(max) > 0) {
            return Optional.empty();
        }
        return Optional.of(condition(contract.subject(), RiskLevel.YELLOW,
                numbers("procurementMethod", contract.procurementMethod(),
                        "numberOfTenderers", contract.numberOfTenderers(), "maxTenderers", max),
                List.of(contract.awardPosition()),
                "合同 %s 以%s方式招标，仅有 %d 家投标".formatted(contract.contractId(),
                        contract.procurementMethod(), contract.numberOfTenderers()),
                "Contract %s: %s tender with %d tenderer(s)".formatted(contract.contractId(),
                        contract.procurementMethod(), contract.numberOfTenderers())));
    }
}
