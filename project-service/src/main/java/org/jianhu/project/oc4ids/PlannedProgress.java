package org.jianhu.project.oc4ids;

import org.jianhu.contracts.common.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The physical progress a project plans, as far as its record knows it: none at the start of its planned
 * period, all of it at the end. The export writes it as the {@code physicalProgress} forecast; an import
 * passes over a forecast that says no more than this.
 */
final class PlannedProgress {

    static final String METRIC = "physicalProgress";

    record Point(LocalDate date, BigDecimal percent) {
    }

    private PlannedProgress() {
    }

    static List<Point> of(Period planned) {
        if (planned == null || planned.startDate() == null || planned.endDate() == null) {
            return List.of();
        }
        return List.of(new Point(planned.startDate(), BigDecimal.ZERO), new Point(planned.endDate(),
                BigDecimal.valueOf(100)));
    }
}
