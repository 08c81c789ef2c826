package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.jianhu.supervision.risk.Wording.date;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;
import static org.jianhu.supervision.risk.Wording.termEn;
import static org.jianhu.supervision.risk.Wording.termZh;

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
                    "%s的检查（%s）未通过，整改尚未核验（%s），%s"
                            .formatted(date(inspection.date()), inspection.scope(),
                                    termZh(inspection.rectificationStatus()), deadlineZh(deadline, late, daysLate)),
                    "Inspection of %s (%s) failed and its rectification is not verified (%s); %s"
                            .formatted(date(inspection.date()), inspection.scope(),
                                    termEn(inspection.rectificationStatus()), deadlineEn(deadline, late, daysLate))));
        }
        return conditions;
    }

    private static String deadlineZh(LocalDate deadline, boolean late, long daysLate) {
        if (deadline == null) {
            return "未定整改期限";
        }
        return "整改期限" + date(deadline) + (late ? "，已超期" + daysZh(daysLate) : "");
    }

    private static String deadlineEn(LocalDate deadline, boolean late, long daysLate) {
        if (deadline == null) {
            return "no deadline set";
        }
        return "deadline " + date(deadline) + (late ? ", " + daysEn(daysLate) + " past" : "");
    }
}
