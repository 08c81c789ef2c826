package org.jianhu.project.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import java.time.LocalDate;

/** Record a change order on a contract (设计变更/签证). */
public record ModifyContractCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                    String contractId, String modificationId, LocalDate date, String type,
                                    String description, String rationale, Money newContractValue,
                                    Period newContractPeriod) {
}
