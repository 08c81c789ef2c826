package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * The indicators this deployment evaluates on every project.
 *
 * <p>R15 (repeat winner) is not here: it needs the awards of many projects, see {@link RepeatWinner}.
 */
public final class RiskCatalogue {

    private final List<RiskRule> rules;

    public RiskCatalogue(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RiskCatalogue standard() {
        return new RiskCatalogue(List.of(
                new PaymentAheadOfProgress(),
                new PaymentWithoutMetMilestone(),
                new OverdueMilestone(),
                new CumulativeVariation(),
                new FrequentChangeOrders(),
                new InspectionNotRectified(),
                new BudgetOverrun(),
                new PayeeNotAContractParty(),
                new TimeOverrun(),
                new OutOfOrderLifecycle(),
                new SingleBid(),
                new ShortTenderPeriod(),
                new DirectAwardAboveThreshold(),
                new ContractSplitting(),
                new AwardHugsEstimate(),
                new ImplausiblyFastCompletion()));
    }

    public List<RiskRule> rules() {
        return rules;
    }

    /** Every condition that holds now, over all rules. */
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        return rules.stream().flatMap(rule -> rule.evaluate(facts, thresholds, today).stream()).toList();
    }
}
