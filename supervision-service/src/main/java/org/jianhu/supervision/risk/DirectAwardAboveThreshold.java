package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.termEn;
import static org.jianhu.supervision.risk.Wording.termZh;

/**
 * R13: a limited or direct award at or above the must-tender threshold of its category (see
 * {@link MustTenderThresholds} for how contract natures map to works, goods and services). The
 * awarded value is judged, not the later value after change orders (R04 watches those).
 */
public final class DirectAwardAboveThreshold extends ContractRule {

    public DirectAwardAboveThreshold() {
        super("R13", 1, "应招未招", "Direct award above threshold");
    }

    @Override
    protected Optional<SignalCondition> evaluate(ContractFacts contract, Thresholds thresholds) {
        String category = MustTenderThresholds.categoryOf(contract.nature());
        if (!contract.isLimitedOrDirect() || category == null) {
            return Optional.empty();
        }
        BigDecimal limit = threshold(thresholds, category);
        BigDecimal value = contract.originalValue().amount();
        if (value.compareTo(limit) < 0) {
            return Optional.empty();
        }
        return Optional.of(condition(contract.subject(), RiskLevel.RED,
                numbers("procurementMethod", contract.procurementMethod(), "nature", contract.nature(),
                        "contractValue", value, category, limit),
                List.of(contract.awardPosition()),
                "合同%s（%s）金额%s，达到必须招标标准%s，却以%s方式授予"
                        .formatted(contract.contractId(), termZh(contract.nature()), moneyZh(value), moneyZh(limit),
                                termZh(contract.procurementMethod())),
                "Contract %s (%s) of %s, at or above the must-tender threshold %s, was procured by %s"
                        .formatted(contract.contractId(), termEn(contract.nature()), moneyEn(value), moneyEn(limit),
                                termEn(contract.procurementMethod()))));
    }
}
