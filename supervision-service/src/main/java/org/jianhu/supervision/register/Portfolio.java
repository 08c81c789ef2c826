package org.jianhu.supervision.register;

import org.jianhu.supervision.risk.RiskLevel;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projects counted and summed by region, by stage and by risk level, and counted by colour in each region.
 *
 * @param region the region the portfolio was narrowed to, if any
 */
record Portfolio(String region, Group all, List<Group> byRegion, List<Group> byStage, List<Group> byLevel,
                 List<RegionColours> coloursByRegion) {

    /**
     * One group: how many projects, how many of them are stale (parked: their colour is as it stood before an
     * event that could not be applied), Σ approved budgets, Σ current contract values, Σ paid (CNY).
     */
    record Group(String key, long projects, long staleProjects, BigDecimal budget, BigDecimal contractValue,
                 BigDecimal paid) {
    }

    /** How many projects of each colour ({@code RED}, {@code YELLOW}, {@code GREEN}: each there, 0 when none) a region has. */
    record RegionColours(String region, Map<String, Long> counts) {

        static Map<String, Long> none() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (RiskLevel level : new RiskLevel[]{RiskLevel.RED, RiskLevel.YELLOW, RiskLevel.GREEN}) {
                counts.put(level.name(), 0L);
            }
            return counts;
        }
    }
}
