package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.countEn;
import static org.jianhu.supervision.risk.Wording.countZh;
import static org.jianhu.supervision.risk.Wording.termEn;
import static org.jianhu.supervision.risk.Wording.termZh;

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
                "合同%s%s，%s".formatted(contract.contractId(), termZh(contract.procurementMethod()),
                        contract.numberOfTenderers() == 0 ? "无人投标"
                                : "仅" + countZh(contract.numberOfTenderers(), "家") + "投标"),
                "Contract %s: %s with %s".formatted(contract.contractId(), termEn(contract.procurementMethod()),
                        contract.numberOfTenderers() == 0 ? "no tenderers"
                                : countEn(contract.numberOfTenderers(), "tenderer", "tenderers"))));
    }
}
