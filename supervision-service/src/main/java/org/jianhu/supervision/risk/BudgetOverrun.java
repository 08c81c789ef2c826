package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.percent;

/**
 * R07: contracts or payments eat up the approved budget. The larger of Σ current contract values
 * and Σ payments is compared with the budget: yellow above 90 % while the project is still
 * running (at completion spending most of the budget is normal), red above 100 % at any time.
 */
public final class BudgetOverrun extends CatalogueRule {

    public BudgetOverrun() {
        super("R07", 1, "超预算", "Budget overrun");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        if (facts.budget() == null || facts.budget().amount().signum() <= 0) {
            return List.of();
        }
        BigDecimal budget = facts.budget().amount();
        BigDecimal contractsPercent = Percent.of(facts.totalContractValue(), budget);
        BigDecimal paymentsPercent = Percent.of(facts.paidTotal().amount(), budget);
        BigDecimal used = contractsPercent.max(paymentsPercent);
        BigDecimal yellow = threshold(thresholds, "yellowPercent");
        BigDecimal red = threshold(thresholds, "redPercent");
        RiskLevel level = Bands.above(used, facts.isCompleted() ? null : yellow, red);
        if (level == RiskLevel.GREEN) {
            return List.of();
        }
        var evidence = new ArrayList<Long>();
        evidence.add(facts.registrationPosition());
        facts.contracts().forEach(c -> {
            evidence.add(c.awardPosition());
            c.modifications().forEach(m -> evidence.add(m.position()));
        });
        facts.payments().forEach(p -> evidence.add(p.position()));
        return List.of(condition("project", level,
                numbers("budget", budget, "contractedPercent", contractsPercent, "paidPercent", paymentsPercent,
                        "yellowPercent", yellow, "redPercent", red),
                evidence,
                "合同总额占批复预算的%s，已支付占%s（预算%s）"
                        .formatted(percent(contractsPercent), percent(paymentsPercent), moneyZh(budget)),
                "Contracts amount to %s and payments to %s of the approved budget %s"
                        .formatted(percent(contractsPercent), percent(paymentsPercent), moneyEn(budget))));
    }
}
