package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.BusinessCalendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R18: 迟报 — a payment or an inspection recorded long after it happened. The delay runs from the fact's date to
 * the business date its project stood at when the fact was recorded ({@link Recording#asOf()}): the date of
 * recording on a live project, the date the history had reached while it was being caught up. So a history
 * entered years later in business-date order is not late; a fact entered after later facts of its project, or
 * weeks after the fact on a live project, is. Facts of views stored before recordings were kept are not judged.
 */
public final class LateRecording extends CatalogueRule {

    public LateRecording() {
        super("R18", 1, "迟报", "Late recording");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        BigDecimal yellow = threshold(thresholds, "yellowDays");
        BigDecimal red = threshold(thresholds, "redDays");
        var conditions = new ArrayList<SignalCondition>();
        for (PaymentFact payment : facts.payments()) {
            judge(payment.subject(), payment.date(), payment.recorded(), payment.position(), yellow, red,
                    "支付%s（%s）".formatted(payment.transactionId(), Wording.moneyZh(payment.value().amount())),
                    "Payment %s (%s)".formatted(payment.transactionId(), Wording.moneyEn(payment.value().amount())))
                    .ifPresent(conditions::add);
        }
        for (InspectionFacts inspection : facts.inspections()) {
            judge(inspection.subject(), inspection.date(), inspection.recorded(), inspection.positions().get(0),
                    yellow, red, "检查%s（%s）".formatted(inspection.inspectionId(), inspection.scope()),
                    "Inspection %s (%s)".formatted(inspection.inspectionId(), inspection.scope()))
                    .ifPresent(conditions::add);
        }
        return conditions;
    }

    private Optional<SignalCondition> judge(String subject, LocalDate date, Recording recorded,
                                                      long position, BigDecimal yellow, BigDecimal red,
                                                      String factZh, String factEn) {
        if (date == null || recorded == null || recorded.asOf() == null) {
            return Optional.empty();
        }
        long delay = ChronoUnit.DAYS.between(date, recorded.asOf());
        RiskLevel level = Bands.above(BigDecimal.valueOf(delay), yellow, red);
        if (level == RiskLevel.GREEN) {
            return Optional.empty();
        }
        LocalDate recordedOn = BusinessCalendar.dateOf(recorded.at());
        boolean caughtUp = !recordedOn.equals(recorded.asOf());
        return Optional.of(condition(subject, level,
                numbers("factDate", date, "recordedAt", recorded.at(), "recordedAsOf", recorded.asOf(),
                        "delayDays", delay, "yellowDays", yellow, "redDays", red),
                List.of(position),
                caughtUp ? "%s发生于%s，%s录入时项目记录已到%s，迟报%s"
                        .formatted(factZh, Wording.date(date), Wording.date(recordedOn), Wording.date(recorded.asOf()),
                                Wording.daysZh(delay))
                        : "%s发生于%s，%s才录入，迟报%s".formatted(factZh, Wording.date(date),
                                Wording.date(recordedOn), Wording.daysZh(delay)),
                caughtUp ? "%s of %s was recorded on %s after facts of the project up to %s: %s late"
                        .formatted(factEn, Wording.date(date), Wording.date(recordedOn), Wording.date(recorded.asOf()),
                                Wording.daysEn(delay))
                        : "%s of %s was recorded on %s: %s late".formatted(factEn, Wording.date(date),
                                Wording.date(recordedOn), Wording.daysEn(delay))));
    }
}
