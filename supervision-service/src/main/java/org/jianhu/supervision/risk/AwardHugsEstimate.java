package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.percent;

/**
 * R16: the award lands within 1 % of the cost estimate — a sign the estimate leaked to the
 * winner. Judged on every award with an estimate, whatever the procurement method, as catalogued.
 */
public final class AwardHugsEstimate extends ContractRule {

    public AwardHugsEstimate() {
        super("R16", 1, "中标价贴近控制价", "Award hugs the estimate");
    }

    @Override
    protected Optional<SignalCondition> evaluate(ContractFacts contract, Thresholds thresholds) {
        if (contract.costEstimate() == null || contract.costEstimate().amount().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal yellow = threshold(thresholds, "yellowPercent");
        BigDecimal estimate = contract.costEstimate().amount();
        BigDecimal award = contract.originalValue().amount();
        BigDecimal distance = Percent.of(estimate.subtract(award).abs(), estimate);
        if (distance.compareTo(yellow) >= 0) {
            return Optional.empty();
        }
        return Optional.of(condition(contract.subject(), RiskLevel.YELLOW,
                numbers("costEstimate", estimate, "contractValue", award, "distancePercent", distance,
                        "yellowPercent", yellow),
                List.of(contract.awardPosition()),
                "合同%s中标价%s与控制价%s仅相差%s"
                        .formatted(contract.contractId(), moneyZh(award), moneyZh(estimate), percent(distance)),
                "Contract %s was awarded at %s, within %s of the estimate %s"
                        .formatted(contract.contractId(), moneyEn(award), percent(distance), moneyEn(estimate))));
    }
}
