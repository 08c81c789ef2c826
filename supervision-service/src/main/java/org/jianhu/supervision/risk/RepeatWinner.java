package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.OrganisationReference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.jianhu.supervision.risk.Wording.countEn;
import static org.jianhu.supervision.risk.Wording.countZh;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;
import static org.jianhu.supervision.risk.Wording.listEn;
import static org.jianhu.supervision.risk.Wording.listZh;
import static org.jianhu.supervision.risk.Wording.partyEn;
import static org.jianhu.supervision.risk.Wording.partyZh;

/**
 * R15: one supplier keeps winning from one buyer (the owner organisation) within 365 days, across
 * projects. It needs the awards of many projects, so it is not a {@link RiskRule} over one project's
 * facts and {@link RiskCatalogue#evaluate} leaves it out: feed it the awards of all projects (see
 * {@link ProjectFacts#awards()}). The catalogue still lists it like every other indicator.
 */
public final class RepeatWinner implements Indicator {

    public static final String ID = "R15";
    private static final int VERSION = 1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public String nameZh() {
        return "重复中标";
    }

    @Override
    public String nameEn() {
        return "Repeat winner";
    }

    /**
     * One award as the indicator needs it: {@code date} is its {@code dateSigned}, {@code position} the award
     * event's global position. Suppliers are one party when their identifiers are the same.
     */
    public record Award(OrganisationReference supplier, String buyer, LocalDate date, String projectId,
                        String contractId, long position) {

        public String supplierId() {
            return supplier == null ? null : supplier.id();
        }
    }

    /** A condition found, and the award with which the count first reached yellow (the one that tripped it). */
    public record Finding(SignalCondition condition, Award trippedBy) {
    }

    public List<SignalCondition> evaluate(List<Award> awards, Thresholds thresholds) {
        return findings(awards, thresholds).stream().map(Finding::condition).toList();
    }

    /** Awards of one date are taken in the order given (give them by position). */
    public List<Finding> findings(List<Award> awards, Thresholds thresholds) {
        BigDecimal yellow = thresholds.require(ID, "yellowCount");
        BigDecimal red = thresholds.require(ID, "redCount");
        long windowDays = thresholds.require(ID, "windowDays").longValue();
        var byPair = new LinkedHashMap<String, List<Award>>();
        awards.stream().filter(a -> a.supplierId() != null && a.buyer() != null)
                .forEach(a -> byPair.computeIfAbsent(subject(a.supplierId(), a.buyer()), k -> new ArrayList<>()).add(a));
        var findings = new ArrayList<Finding>();
        byPair.forEach((subject, won) -> {
            List<Award> busiest = DayWindow.busiest(won, Award::date, windowDays);
            RiskLevel level = Bands.atLeast(BigDecimal.valueOf(busiest.size()), yellow, red);
            if (level != RiskLevel.GREEN) {
                int tripping = Math.min(Math.max(yellow.intValue(), 1), busiest.size()) - 1;
                findings.add(new Finding(condition(subject, level, busiest, yellow, red, windowDays),
                        busiest.get(tripping)));
            }
        });
        return findings;
    }

    /** What an R15 signal is about: one supplier (by its identifier) winning from one buyer. */
    public static String subject(String supplierId, String buyer) {
        return "supplier:" + supplierId + "/buyer:" + buyer;
    }

    private static SignalCondition condition(String subject, RiskLevel level, List<Award> busiest,
                                             BigDecimal yellow, BigDecimal red, long windowDays) {
        Award first = busiest.get(0);
        List<String> projects = busiest.stream().map(Award::projectId).distinct().toList();
        var numbers = new LinkedHashMap<String, Object>();
        numbers.put("awardsInWindow", busiest.size());
        numbers.put("projects", projects);
        numbers.put("yellowCount", yellow);
        numbers.put("redCount", red);
        numbers.put("windowDays", windowDays);
        return new SignalCondition(ID, VERSION, subject, level, java.util.Collections.unmodifiableMap(numbers),
                Evidence.ascending(busiest.stream().map(Award::position).toList()),
                "供应商%s在%s内从%s获得%s授予（项目%s）"
                        .formatted(partyZh(first.supplier().displayName()), daysZh(windowDays), partyZh(first.buyer()),
                                countZh(busiest.size(), "次"), listZh(projects)),
                "Supplier %s won %s from %s within %s (%s %s)"
                        .formatted(partyEn(first.supplier().displayName()), countEn(busiest.size(), "award", "awards"),
                                partyEn(first.buyer()), daysEn(windowDays),
                                projects.size() == 1 ? "project" : "projects", listEn(projects)));
    }
}
