package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.countEn;
import static org.jianhu.supervision.risk.Wording.countZh;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;

/**
 * R05: change orders pile up on one contract. Yellow: at least 3 change orders of any type within
 * 365 days. Red: the price changed at least twice within 90 days.
 */
public final class FrequentChangeOrders extends ContractRule {

    public FrequentChangeOrders() {
        super("R05", 1, "频繁变更", "Frequent change orders");
    }

    @Override
    protected Optional<SignalCondition> evaluate(ContractFacts contract, Thresholds thresholds) {
        BigDecimal yellowCount = threshold(thresholds, "yellowCount");
        BigDecimal yellowWindow = threshold(thresholds, "yellowWindowDays");
        BigDecimal redChanges = threshold(thresholds, "redValueChanges");
        BigDecimal redWindow = threshold(thresholds, "redWindowDays");
        List<ModificationFact> all = DayWindow.busiest(contract.modifications(), ModificationFact::date,
                yellowWindow.longValue());
        List<ModificationFact> priced = DayWindow.busiest(
                contract.modifications().stream().filter(ModificationFact::changesValue).toList(),
                ModificationFact::date, redWindow.longValue());
        boolean red = BigDecimal.valueOf(priced.size()).compareTo(redChanges) >= 0;
        boolean yellow = BigDecimal.valueOf(all.size()).compareTo(yellowCount) >= 0;
        if (!red && !yellow) {
            return Optional.empty();
        }
        var evidence = new ArrayList<Long>(List.of(contract.awardPosition()));
        (red ? priced : all).forEach(m -> evidence.add(m.position()));
        return Optional.of(condition(contract.subject(), red ? RiskLevel.RED : RiskLevel.YELLOW,
                numbers("modificationsInWindow", all.size(), "yellowCount", yellowCount,
                        "yellowWindowDays", yellowWindow, "valueChangesInWindow", priced.size(),
                        "redValueChanges", redChanges, "redWindowDays", redWindow),
                evidence,
                "合同%s在%s内变更%s，%s内调整合同价%s"
                        .formatted(contract.contractId(), daysZh(yellowWindow), countZh(all.size(), "次"),
                                daysZh(redWindow), countZh(priced.size(), "次")),
                "Contract %s: %s within %s, %s within %s"
                        .formatted(contract.contractId(), countEn(all.size(), "change order", "change orders"),
                                daysEn(yellowWindow), countEn(priced.size(), "price change", "price changes"),
                                daysEn(redWindow))));
    }
}
