package org.jianhu.supervision.register;

import java.math.BigDecimal;
import java.util.List;

/**
 * The projects counted and summed by region, by stage and by risk level.
 *
 * @param region the region the portfolio was narrowed to, if any
 */
record Portfolio(String region, Group all, List<Group> byRegion, List<Group> byStage, List<Group> byLevel) {

    /**
     * One group: how many projects, how many of them are stale (parked: their colour is as it stood before an
     * event that could not be applied), Σ approved budgets, Σ current contract values, Σ paid (CNY).
     */
    record Group(String key, long projects, long staleProjects, BigDecimal budget, BigDecimal contractValue,
                 BigDecimal paid) {
    }
}
