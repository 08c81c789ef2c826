package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
                "施工合同 %s 于 %s 签订，项目 %s 即竣工，仅 %d 天"
                        .formatted(works.get().contractId(), signed, completed, days),
                "Works contract %s signed %s, project completed %s: only %d days"
                        .formatted(works.get().contractId(), signed, completed, days)));
    }
}
