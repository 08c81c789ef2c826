package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

import java.util.List;

/** 立项登记: the project enters the register in OC4IDS status {@code identification}. */
@Revision("1")
public record ProjectRegistered(String projectId, String code, String title, String type, String region,
                                String ownerOrganisation, Money budget, Period plannedPeriod,
                                List<String> supervisors) implements ProjectEvent {

    /** OC4IDS projectType. */
    public static final CodeList TYPES = CodeList.of("type",
            "construction", "rehabilitation", "replacement", "expansion", "decommissioning");
}
