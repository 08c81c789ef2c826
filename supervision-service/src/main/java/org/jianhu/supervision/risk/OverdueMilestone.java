package org.jianhu.supervision.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.jianhu.supervision.risk.Wording.date;
import static org.jianhu.supervision.risk.Wording.daysEn;
import static org.jianhu.supervision.risk.Wording.daysZh;
import static org.jianhu.supervision.risk.Wording.termEn;
import static org.jianhu.supervision.risk.Wording.termZh;
import static org.jianhu.supervision.risk.Wording.titleEn;
import static org.jianhu.supervision.risk.Wording.titleZh;

/**
 * R03: a milestone past its due date and not met. Time alone raises it. A cancelled project has
 * nothing left to meet, so its milestones are not judged; no milestone is late while no time has passed
 * ({@code today} null, see {@link RiskRule}).
 */
public final class OverdueMilestone extends CatalogueRule {

    public OverdueMilestone() {
        super("R03", 1, "里程碑逾期", "Overdue milestone");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        if (facts.isCancelled() || today == null) {
            return List.of();
        }
        BigDecimal yellow = threshold(thresholds, "yellowDays");
        BigDecimal red = threshold(thresholds, "redDays");
        var conditions = new ArrayList<SignalCondition>();
        for (MilestoneFacts milestone : facts.milestones()) {
            if (milestone.isMet() || milestone.dueDate() == null) {
                continue;
            }
            long daysOverdue = ChronoUnit.DAYS.between(milestone.dueDate(), today);
            RiskLevel level = Bands.above(BigDecimal.valueOf(daysOverdue), yellow, red);
            if (level == RiskLevel.GREEN) {
                continue;
            }
            conditions.add(condition(milestone.subject(), level,
                    numbers("dueDate", milestone.dueDate(), "daysOverdue", daysOverdue,
                            "yellowDays", yellow, "redDays", red),
                    milestone.positions(),
                    "里程碑%s应于%s完成，已逾期%s（状态：%s）"
                            .formatted(titleZh(milestone.title()), date(milestone.dueDate()), daysZh(daysOverdue),
                                    termZh(milestone.status())),
                    "Milestone %s was due %s and is %s overdue (status: %s)"
                            .formatted(titleEn(milestone.title()), date(milestone.dueDate()), daysEn(daysOverdue),
                                    termEn(milestone.status()))));
        }
        return conditions;
    }
}
