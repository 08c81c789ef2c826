package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An indicator that judges each contract of the project on its own; subjects are {@code contract:<id>}. */
abstract class ContractRule extends CatalogueRule {

    protected ContractRule(String id, int version, String nameZh, String nameEn) {
        super(id, version, nameZh, nameEn);
    }

    @Override
    public final List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        return facts.contracts().stream().map(contract -> evaluate(contract, thresholds))
                .flatMap(Optional::stream).toList();
    }

    protected abstract Optional<SignalCondition> evaluate(ContractFacts contract, Thresholds thresholds);
}
