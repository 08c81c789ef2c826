package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The indicators this deployment evaluates: its rules, each judged on one project's facts, and R15
 * (repeat winner), judged over the awards of many projects by {@link RepeatWinner}. Both are listed,
 * found and described alike; only {@link #evaluate} is per project and leaves R15 out.
 */
public final class RiskCatalogue {

    private final List<RiskRule> rules;
    private final RepeatWinner repeatWinner = new RepeatWinner();

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
                new ImplausiblyFastCompletion(),
                new LateRecording()));
    }

    /** The rules judged on one project's facts. */
    public List<RiskRule> rules() {
        return rules;
    }

    public RepeatWinner repeatWinner() {
        return repeatWinner;
    }

    /** Every indicator, as the rules are listed to users: the per-project rules, then R15. */
    public List<Indicator> indicators() {
        return Stream.concat(rules.stream(), Stream.of(repeatWinner)).toList();
    }

    public Optional<Indicator> indicator(String id) {
        return indicators().stream().filter(indicator -> indicator.id().equals(id)).findFirst();
    }

    /** Every condition that holds now, over all rules. */
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        return rules.stream().flatMap(rule -> rule.evaluate(facts, thresholds, today).stream()).toList();
    }
}
