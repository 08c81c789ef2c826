package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.date;
import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.termEn;
import static org.jianhu.supervision.risk.Wording.termZh;

/**
 * R02: a payment tied to a milestone that had not been met when the money went out. A milestone
 * reported met later with a {@code dateMet} on or before the payment date clears it (late
 * reporting); one met after the payment date does not.
 */
public final class PaymentWithoutMetMilestone extends CatalogueRule {

    public PaymentWithoutMetMilestone() {
        super("R02", 1, "里程碑未完成即支付", "Payment without met milestone");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        var conditions = new ArrayList<SignalCondition>();
        for (PaymentFact payment : facts.payments()) {
            if (payment.milestoneId() == null) {
                continue;
            }
            Optional<MilestoneFacts> milestone = facts.milestone(payment.milestoneId());
            if (milestone.isPresent() && metBy(milestone.get(), payment.date())) {
                continue;
            }
            String status = milestone.map(MilestoneFacts::status).orElse("unknown");
            var evidence = new ArrayList<Long>(List.of(payment.position()));
            milestone.ifPresent(m -> evidence.addAll(m.positions()));
            conditions.add(condition(payment.subject(), RiskLevel.RED,
                    numbers("amount", payment.value().amount(), "paymentDate", payment.date(),
                            "milestoneId", payment.milestoneId(), "milestoneStatus", status),
                    evidence,
                    "支付%s（%s）关联的里程碑%s在支付日%s未完成（状态：%s）"
                            .formatted(payment.transactionId(), moneyZh(payment.value().amount()),
                                    payment.milestoneId(), date(payment.date()), termZh(status)),
                    "Payment %s (%s) is linked to milestone %s, not met on the payment date %s (status: %s)"
                            .formatted(payment.transactionId(), moneyEn(payment.value().amount()),
                                    payment.milestoneId(), date(payment.date()), termEn(status))));
        }
        return conditions;
    }

    private static boolean metBy(MilestoneFacts milestone, LocalDate paymentDate) {
        return milestone.isMet() && (milestone.dateMet() == null || !milestone.dateMet().isAfter(paymentDate));
    }
}
