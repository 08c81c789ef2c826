package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.jianhu.supervision.risk.Wording.countEn;
import static org.jianhu.supervision.risk.Wording.countZh;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;
import static org.jianhu.supervision.risk.Wording.listEn;
import static org.jianhu.supervision.risk.Wording.listZh;
import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.partyEn;
import static org.jianhu.supervision.risk.Wording.partyZh;

/**
 * R14: one supplier receives, within 180 days, several awards of the same category that each stay
 * under the must-tender threshold but together reach it — a split to dodge tendering. Awards
 * are grouped by supplier (its identifier) and category (the threshold differs per category), dated by their
 * {@code dateSigned}.
 */
public final class ContractSplitting extends CatalogueRule {

    public ContractSplitting() {
        super("R14", 1, "化整为零", "Contract splitting");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        long windowDays = threshold(thresholds, "windowDays").longValue();
        int minAwards = threshold(thresholds, "minAwards").intValue();
        var conditions = new ArrayList<SignalCondition>();
        groupBySupplierAndCategory(facts).forEach((key, contracts) -> {
            String category = MustTenderThresholds.categoryOf(contracts.get(0).nature());
            BigDecimal limit = threshold(thresholds, category);
            List<ContractFacts> under = contracts.stream()
                    .filter(c -> c.originalValue().amount().compareTo(limit) < 0).toList();
            var split = new LinkedHashSet<ContractFacts>();
            for (List<ContractFacts> window : DayWindow.windows(under, ContractFacts::awardDate, windowDays)) {
                if (window.size() >= minAwards && total(window).compareTo(limit) >= 0) {
                    split.addAll(window);
                }
            }
            if (!split.isEmpty()) {
                conditions.add(splitCondition(key, List.copyOf(split), category, limit, windowDays));
            }
        });
        return conditions;
    }

    private SignalCondition splitCondition(String subject, List<ContractFacts> split, String category,
                                           BigDecimal limit, long windowDays) {
        BigDecimal total = total(split);
        String supplier = split.get(0).supplierName();
        List<String> ids = split.stream().map(ContractFacts::contractId).toList();
        return condition(subject, RiskLevel.RED,
                numbers("supplier", supplier, "contracts", ids, "total", total, category, limit,
                        "windowDays", windowDays),
                split.stream().map(ContractFacts::awardPosition).toList(),
                "供应商%s在%s内获得%s均低于%s的合同（%s），合计%s，达到必须招标标准"
                        .formatted(partyZh(supplier), daysZh(windowDays), countZh(split.size(), "份"),
                                moneyZh(limit), listZh(ids), moneyZh(total)),
                "Supplier %s won %s (%s) within %s, each under %s, together %s"
                        .formatted(partyEn(supplier), countEn(split.size(), "award", "awards"), listEn(ids),
                                daysEn(windowDays), moneyEn(limit), moneyEn(total)));
    }

    private static Map<String, List<ContractFacts>> groupBySupplierAndCategory(ProjectFacts facts) {
        var groups = new LinkedHashMap<String, List<ContractFacts>>();
        for (ContractFacts contract : facts.contracts()) {
            String category = MustTenderThresholds.categoryOf(contract.nature());
            if (category != null && contract.supplierId() != null) {
                groups.computeIfAbsent("supplier:" + contract.supplierId() + ":" + category, k -> new ArrayList<>())
                        .add(contract);
            }
        }
        return groups;
    }

    private static BigDecimal total(java.util.Collection<ContractFacts> contracts) {
        return contracts.stream().map(c -> c.originalValue().amount()).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
