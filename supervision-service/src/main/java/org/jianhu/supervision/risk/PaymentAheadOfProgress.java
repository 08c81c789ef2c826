package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.jianhu.supervision.risk.Wording.percent;
import static org.jianhu.supervision.risk.Wording.pointsEn;
import static org.jianhu.supervision.risk.Wording.pointsZh;

/**
 * R01: money leaves faster than the works advance. Financial progress (paid ÷ Σ current contract
 * values) minus the latest physical progress, in percentage points. A project that pays but has
 * reported no progress counts as 0 % built: an unexplained advance is exactly what to look at.
 */
public final class PaymentAheadOfProgress extends CatalogueRule {

    public PaymentAheadOfProgress() {
        super("R01", 1, "支付超前于进度", "Payment ahead of progress");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        BigDecimal financial = facts.financialProgressPercent();
        if (financial == null || facts.payments().isEmpty()) {
            return List.of();
        }
        var progress = facts.latestProgress();
        BigDecimal physical = progress == null ? BigDecimal.ZERO : progress.percent();
        BigDecimal gap = financial.subtract(physical);
        BigDecimal yellow = threshold(thresholds, "yellowPoints");
        BigDecimal red = threshold(thresholds, "redPoints");
        RiskLevel level = Bands.above(gap, yellow, red);
        if (level == RiskLevel.GREEN) {
            return List.of();
        }
        var evidence = new ArrayList<Long>();
        facts.payments().forEach(p -> evidence.add(p.position()));
        facts.contracts().forEach(c -> evidence.add(c.awardPosition()));
        if (progress != null) {
            evidence.add(progress.position());
        }
        return List.of(condition("project", level,
                numbers("financialProgressPercent", financial, "physicalProgressPercent", physical,
                        "gapPoints", gap, "yellowPoints", yellow, "redPoints", red),
                evidence,
                "资金支付进度%s，实物进度%s，超前%s（超过%s为黄色，超过%s为红色）"
                        .formatted(percent(financial), percent(physical), pointsZh(gap), pointsZh(yellow),
                                pointsZh(red)),
                "Financial progress %s is %s ahead of physical progress %s (yellow above %s, red above %s)"
                        .formatted(percent(financial), pointsEn(gap), percent(physical), pointsEn(yellow),
                                pointsEn(red))));
    }
}
