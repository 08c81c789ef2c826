package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.jianhu.supervision.risk.Wording.date;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;
import static org.jianhu.supervision.risk.Wording.percent;

/**
 * R09: the project ends, or will end, late. The end is the actual completion date once completed;
 * before that the forecast is the later of the construction contracts' current end dates and
 * today, once today is past the planned end (a running project ends no earlier than today; with no time
 * passed yet, {@code today} null, the contracts alone tell).
 * The delay is measured as a share of the planned duration. Cancelled projects are not judged.
 */
public final class TimeOverrun extends CatalogueRule {

    public TimeOverrun() {
        super("R09", 1, "工期延误", "Time overrun");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        Period planned = facts.plannedPeriod();
        if (facts.isCancelled() || planned == null || planned.startDate() == null || planned.endDate() == null
                || planned.days() <= 0) {
            return List.of();
        }
        var evidence = new ArrayList<Long>();
        evidence.add(facts.registrationPosition());
        LocalDate end = expectedEnd(facts, today, evidence);
        long delay = ChronoUnit.DAYS.between(planned.endDate(), end);
        if (delay <= 0) {
            return List.of();
        }
        BigDecimal share = Percent.of(BigDecimal.valueOf(delay), BigDecimal.valueOf(planned.days()));
        BigDecimal yellow = threshold(thresholds, "yellowPercent");
        BigDecimal red = threshold(thresholds, "redPercent");
        RiskLevel level = Bands.above(share, yellow, red);
        if (level == RiskLevel.GREEN) {
            return List.of();
        }
        String kind = facts.isCompleted() ? "actual" : "forecast";
        return List.of(condition("project", level,
                numbers("plannedEnd", planned.endDate(), kind + "End", end, "delayDays", delay,
                        "plannedDays", planned.days(), "delayPercent", share,
                        "yellowPercent", yellow, "redPercent", red),
                evidence,
                "计划%s完工，%s%s完工，延误%s，占计划工期%s的%s"
                        .formatted(date(planned.endDate()), facts.isCompleted() ? "实际" : "预计", date(end),
                                daysZh(delay), daysZh(planned.days()), percent(share)),
                "Planned to end %s, %s %s: %s late, %s of the planned %s"
                        .formatted(date(planned.endDate()), facts.isCompleted() ? "ended" : "forecast to end",
                                date(end), daysEn(delay), percent(share), daysEn(planned.days()))));
    }

    private static LocalDate expectedEnd(ProjectFacts facts, LocalDate today, List<Long> evidence) {
        if (facts.isCompleted()) {
            evidence.add(facts.completion().position());
            return facts.completion().endDate();
        }
        LocalDate end = today != null && today.isAfter(facts.plannedPeriod().endDate()) ? today
                : facts.plannedPeriod().endDate();
        for (ContractFacts contract : facts.contracts()) {
            Period period = contract.currentPeriod();
            if (contract.isConstruction() && period != null && period.endDate() != null
                    && period.endDate().isAfter(end)) {
                end = period.endDate();
                evidence.add(contract.awardPosition());
                contract.modifications().forEach(m -> evidence.add(m.position()));
            }
        }
        return end;
    }
}
