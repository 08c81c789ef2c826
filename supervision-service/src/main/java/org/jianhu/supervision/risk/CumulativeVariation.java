package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.countEn;
import static org.jianhu.supervision.risk.Wording.countZh;
import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.percent;

/**
 * R04: change orders that together raise a contract's price. The sum is signed (new − old per
 * change order), so a rise later given back does not count; only increases trip the rule.
 */
public final class CumulativeVariation extends ContractRule {

    public CumulativeVariation() {
        super("R04", 1, "累计变更超限", "Cumulative variation");
    }

    @Override
    protected Optional<SignalCondition> evaluate(ContractFacts contract, Thresholds thresholds) {
        BigDecimal original = contract.originalValue().amount();
        List<ModificationFact> valueChanges = contract.modifications().stream()
                .filter(ModificationFact::changesValue).toList();
        if (original.signum() <= 0 || valueChanges.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal yellow = threshold(thresholds, "yellowPercent");
        BigDecimal red = threshold(thresholds, "redPercent");
        BigDecimal variation = valueChanges.stream().map(ModificationFact::valueChange)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal percent = Percent.of(variation, original);
        RiskLevel level = Bands.above(percent, yellow, red);
        if (level == RiskLevel.GREEN) {
            return Optional.empty();
        }
        var evidence = new ArrayList<Long>(List.of(contract.awardPosition()));
        valueChanges.forEach(m -> evidence.add(m.position()));
        return Optional.of(condition(contract.subject(), level,
                numbers("originalValue", original, "variation", variation, "variationPercent", percent,
                        "yellowPercent", yellow, "redPercent", red),
                evidence,
                "合同%s经%s价格变更累计增加%s，占原合同价%s的%s"
                        .formatted(contract.contractId(), countZh(valueChanges.size(), "次"), moneyZh(variation),
                                moneyZh(original), percent(percent)),
                "Contract %s grew by %s over %s, %s of its original value %s"
                        .formatted(contract.contractId(), moneyEn(variation),
                                countEn(valueChanges.size(), "change order", "change orders"), percent(percent),
                                moneyEn(original))));
    }
}
