package org.jianhu.supervision.support;

import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;
import org.jianhu.supervision.risk.RiskRule;
import org.jianhu.supervision.risk.SignalCondition;
import org.jianhu.supervision.risk.Thresholds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only rule T01: yellow once more than 500,000 is paid, red above 1,000,000 (thresholds
 * {@code yellow}, {@code red} may change that); gone when the project is cancelled.
 */
public class PaidTooMuch implements RiskRule {

    static final BigDecimal YELLOW = new BigDecimal("500000");
    static final BigDecimal RED = new BigDecimal("1000000");

    @Override
    public String id() {
        return "T01";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String nameZh() {
        return "付款过多";
    }

    @Override
    public String nameEn() {
        return "paid too much";
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        TestFacts watched = (TestFacts) facts;
        BigDecimal paid = watched.paid();
        BigDecimal yellow = Optional.ofNullable(thresholds.get(id(), "yellow")).orElse(YELLOW);
        if (watched.cancelled() || paid.compareTo(yellow) <= 0) {
            return List.of();
        }
        BigDecimal red = Optional.ofNullable(thresholds.get(id(), "redAmount")).orElse(RED);
        RiskLevel level = paid.compareTo(red) > 0 ? RiskLevel.RED : RiskLevel.YELLOW;
        return List.of(new SignalCondition(id(), version(), "project", level, Map.of("paid", paid),
                List.copyOf(watched.applied()), "付款 " + paid, "paid " + paid));
    }
}
