package org.jianhu.project.project;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;

import java.util.List;

/** 立项登记: put a new major project on the register. */
public record RegisterProjectCommand(String projectId, String code, String title, String type, String region,
                                     String ownerOrganisation, Money budget, Period plannedPeriod,
                                     List<String> supervisors) implements ProjectAdministration {

    @Override
    public String activity() {
        return "register a project";
    }
}
