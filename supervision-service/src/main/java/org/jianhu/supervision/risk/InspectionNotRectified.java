package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * R06: a failed inspection whose rectification has not been verified — "整改不完成，预警不变色".
 * A reported but unverified rectification keeps it open; red once the deadline day has passed.
 */
public final class InspectionNotRectified extends CatalogueRule {

    public InspectionNotRectified() {
        super("R06", 1, "检查问题未整改", "Inspection not rectified");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        var conditions = new ArrayList<SignalCondition>();
        for (InspectionFacts inspection : facts.inspections()) {
            if (!inspection.isFailed() || inspection.isRectificationVerified()) {
                continue;
            }
            LocalDate deadline = inspection.rectificationDeadline();
            boolean late = deadline != null && today != null && today.isAfter(deadline);
            long daysLate = late ? ChronoUnit.DAYS.between(deadline, today) : 0;
            conditions.add(condition(inspection.subject(), late ? RiskLevel.RED : RiskLevel.YELLOW,
                    numbers("inspectionDate", inspection.date(), "rectificationDeadline", deadline,
                            "rectificationStatus", inspection.rectificationStatus(), "daysPastDeadline", daysLate),
                    inspection.positions(),
                    "%s 的检查（%s）未通过，整改尚未核验（%s），整改期限 %s%s"
                            .formatted(inspection.date(), inspection.scope(), inspection.rectificationStatus(),
                                    deadline, late ? "，已超期 " + daysLate + " 天" : ""),
                    "Inspection of %s (%s) failed and its rectification is not verified (%s); deadline %s%s"
                            .formatted(inspection.date(), inspection.scope(), inspection.rectificationStatus(),
                                    deadline, late ? ", " + daysLate + " days past" : "")));
        }
        return conditions;
    }
}
