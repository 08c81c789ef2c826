package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.date;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;

/**
 * R17: the project completes under 60 days after its works contract was signed. The signing date
 * is the award's {@code dateSigned} (the first construction contract's); later works contracts are add-ons and
 * would make any completion look fast.
 */
public final class ImplausiblyFastCompletion extends CatalogueRule {

    public ImplausiblyFastCompletion() {
        super("R17", 1, "完工过快", "Implausibly fast completion");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        Optional<ContractFacts> works = facts.contracts().stream()
                .filter(c -> c.isConstruction() && c.awardDate() != null)
                .min(Comparator.comparing(ContractFacts::awardDate));
        if (!facts.isCompleted() || works.isEmpty() || facts.completion().endDate() == null) {
            return List.of();
        }
        BigDecimal minDays = threshold(thresholds, "minDays");
        LocalDate signed = works.get().awardDate();
        LocalDate completed = facts.completion().endDate();
        long days = ChronoUnit.DAYS.between(signed, completed);
        if (BigDecimal.valueOf(days).compareTo(minDays) >= 0) {
            return List.of();
        }
        return List.of(condition("project", RiskLevel.YELLOW,
                numbers("contractId", works.get().contractId(), "signed", signed, "completed", completed,
                        "days", days, "minDays", minDays),
                List.of(works.get().awardPosition(), facts.completion().position()),
                "施工合同%s于%s签订，项目%s即竣工，仅用%s"
                        .formatted(works.get().contractId(), date(signed), date(completed), daysZh(days)),
                "Works contract %s signed %s, project completed %s: only %s"
                        .formatted(works.get().contractId(), date(signed), date(completed), daysEn(days))));
    }
}
