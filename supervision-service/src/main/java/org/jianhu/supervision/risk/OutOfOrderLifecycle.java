package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.jianhu.supervision.risk.Wording.date;
import static org.jianhu.supervision.risk.Wording.moneyEn;
import static org.jianhu.supervision.risk.Wording.moneyZh;
import static org.jianhu.supervision.risk.Wording.percent;

/**
 * R10: 先建后批 — works start or money is paid before the project is approved, or before the
 * contract behind it is awarded. Judged by business dates only: the approval date, the award's
 * {@code dateSigned}, the progress and payment dates (a fact recorded late but dated in order is fine; on the
 * day of signing is not before it). Construction counts as started on the earliest date of physical progress
 * above zero.
 */
public final class OutOfOrderLifecycle extends CatalogueRule {

    public OutOfOrderLifecycle() {
        super("R10", 1, "先建后批", "Out-of-order lifecycle");
    }

    @Override
    public List<SignalCondition> evaluate(ProjectFacts facts, Thresholds thresholds, LocalDate today) {
        var conditions = new ArrayList<SignalCondition>();
        constructionStartedTooEarly(facts).ifPresent(conditions::add);
        for (PaymentFact payment : facts.payments()) {
            paidTooEarly(facts, payment).ifPresent(conditions::add);
        }
        return conditions;
    }

    private Optional<SignalCondition> constructionStartedTooEarly(ProjectFacts facts) {
        ProgressObservation start = facts.firstProgress();
        if (start == null) {
            return Optional.empty();
        }
        boolean beforeApproval = beforeApproval(facts, start.date());
        boolean beforeAward = facts.contracts().stream()
                .noneMatch(c -> c.isConstruction() && signedBy(c, start.date()));
        if (!beforeApproval && !beforeAward) {
            return Optional.empty();
        }
        return Optional.of(condition("project", RiskLevel.RED,
                numbers("constructionStarted", start.date(), "approvalDate", approvalDate(facts),
                        "beforeApproval", beforeApproval, "beforeConstructionAward", beforeAward),
                evidence(facts, start.position()),
                "%s已报告实物进度%s，但%s".formatted(date(start.date()), percent(start.percent()),
                        reasonsZh(beforeApproval, beforeAward, "项目尚未批复", "施工合同尚未授予")),
                "Physical progress %s reported on %s %s".formatted(percent(start.percent()), date(start.date()),
                        reasonsEn(beforeApproval, beforeAward, "the construction contract was awarded"))));
    }

    private Optional<SignalCondition> paidTooEarly(ProjectFacts facts, PaymentFact payment) {
        boolean beforeApproval = beforeApproval(facts, payment.date());
        Optional<ContractFacts> contract = Optional.ofNullable(payment.contractId()).flatMap(facts::contract);
        boolean beforeAward = payment.contractId() != null
                && contract.map(c -> !signedBy(c, payment.date())).orElse(true);
        if (!beforeApproval && !beforeAward) {
            return Optional.empty();
        }
        var evidence = evidence(facts, payment.position());
        contract.ifPresent(c -> evidence.add(c.awardPosition()));
        return Optional.of(condition(payment.subject(), RiskLevel.RED,
                numbers("paymentDate", payment.date(), "amount", payment.value().amount(),
                        "approvalDate", approvalDate(facts), "beforeApproval", beforeApproval,
                        "beforeContractAward", beforeAward),
                evidence,
                "%s支付%s，但%s".formatted(date(payment.date()), moneyZh(payment.value().amount()),
                        reasonsZh(beforeApproval, beforeAward, "项目尚未批复", "合同" + payment.contractId() + "尚未授予")),
                "%s paid on %s %s".formatted(moneyEn(payment.value().amount()), date(payment.date()),
                        reasonsEn(beforeApproval, beforeAward, "contract " + payment.contractId() + " was awarded"))));
    }

    /** Signed on or before {@code date}; a fact without a date is not judged against the award. */
    private static boolean signedBy(ContractFacts contract, LocalDate date) {
        return date == null || contract.awardDate() != null && !contract.awardDate().isAfter(date);
    }

    private static boolean beforeApproval(ProjectFacts facts, LocalDate date) {
        return facts.approval() == null || (date != null && date.isBefore(facts.approval().date()));
    }

    private static LocalDate approvalDate(ProjectFacts facts) {
        return facts.approval() == null ? null : facts.approval().date();
    }

    private static List<Long> evidence(ProjectFacts facts, long position) {
        var evidence = new ArrayList<Long>(List.of(position));
        if (facts.approval() != null) {
            evidence.add(facts.approval().position());
        }
        return evidence;
    }

    private static String reasonsZh(boolean beforeApproval, boolean beforeAward, String approval, String award) {
        if (beforeApproval && beforeAward) {
            return approval + "，且" + award;
        }
        return beforeApproval ? approval : award;
    }

    private static String reasonsEn(boolean beforeApproval, boolean beforeAward, String award) {
        if (beforeApproval && beforeAward) {
            return "before the project was approved and before " + award;
        }
        return beforeApproval ? "before the project was approved" : "before " + award;
    }
}
