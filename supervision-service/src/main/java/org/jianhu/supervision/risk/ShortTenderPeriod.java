package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.Period;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.date;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;

/**
 * R12: bidders had too little time (PRC Bidding Law art. 24: at least 20 days from issuing the
 * documents to the bid deadline). The law governs tendering, so only open and selective
 * procurements are judged; limited and direct ones have no tender period in that sense.
 */
public final class ShortTenderPeriod extends ContractRule {

    public ShortTenderPeriod() {
        super("R12", 1, "招标期过短", "Short tender period");
    }

    @Override
    protected Optional<SignalCondition> evaluate(ContractFacts contract, Thresholds thresholds) {
        BigDecimal minDays = threshold(thresholds, "redMinDays");
        Period tender = contract.tenderPeriod();
        if (!contract.isCompetitive() || tender == null || tender.startDate() == null || tender.endDate() == null
                || BigDecimal.valueOf(tender.days()).compareTo(minDays) >= 0) {
            return Optional.empty();
        }
        long days = tender.days();
        return Optional.of(condition(contract.subject(), RiskLevel.RED,
                numbers("tenderStart", tender.startDate(), "tenderEnd", tender.endDate(), "tenderDays", days,
                        "redMinDays", minDays),
                List.of(contract.awardPosition()),
                "合同%s招标期%s至%s仅%s，少于%s"
                        .formatted(contract.contractId(), date(tender.startDate()), date(tender.endDate()),
                                daysZh(days), daysZh(minDays)),
                "Contract %s: tender period %s to %s is %s, under %s"
                        .formatted(contract.contractId(), date(tender.startDate()), date(tender.endDate()),
                                daysEn(days), daysEn(minDays))));
    }
}
