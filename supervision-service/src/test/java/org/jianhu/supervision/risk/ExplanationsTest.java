package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;

/**
 * Every indicator's explanations, rendered from histories whose figures do not come out round (shares
 * with endless decimals, amounts in fen, tens of millions and a few thousand yuan), read as a person
 * would write them: the figures are {@link Wording}'s, whichever rule wrote them.
 */
class ExplanationsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    /** Digits that should not remain once Wording has written the figures. */
    private static final Map<String, Pattern> RAW = Map.of(
            "a percentage with more than one decimal", Pattern.compile("\\d\\.\\d{2,}\\s*%"),
            "a long decimal", Pattern.compile("\\d\\.\\d{3,}"),
            "scientific notation", Pattern.compile("\\d[eE][+-]?\\d"),
            "four digits or more without grouping", Pattern.compile("(?<![\\d,.])\\d{4,}"),
            "a Java list", Pattern.compile("\\[.*]"),
            "null", Pattern.compile("null"));
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Never approved, paying ahead of its works, to a stranger and against a milestone not met, late,
     * over budget, its contract's price changed three times within 90 days, an inspection failed.
     */
    private static ProjectHistory troubled() {
        return empty()
                .on(LocalDate.of(2025, 1, 2)).then(registered("8000000", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 6, 30)))
                .then(milestone("m-1", LocalDate.of(2025, 3, 1)))
                .on(LocalDate.of(2025, 2, 1)).then(award("c-1", "construction", "open", 5,
                        period(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 31)), cny("8500000"), BUILDER,
                        "7654321.09"))
                .on(LocalDate.of(2025, 3, 10)).then(progress("7.25", LocalDate.of(2025, 3, 10)))
                .then(payment("t-1", LocalDate.of(2025, 3, 15), "3333333.33", BUILDER, "c-1", "m-1"))
                .then(payment("t-2", LocalDate.of(2025, 3, 20), "9876.54", "Cousin Trading Ltd", null, null))
                .on(LocalDate.of(2025, 4, 1)).then(failedInspection("i-1", LocalDate.of(2025, 4, 1),
                        LocalDate.of(2025, 5, 1)))
                .then(valueChange("c-1", "v-1", LocalDate.of(2025, 4, 1), "7654321.09", "8000000"))
                .then(valueChange("c-1", "v-2", LocalDate.of(2025, 5, 1), "8000000", "8500000.50"))
                .then(valueChange("c-1", "v-3", LocalDate.of(2025, 6, 1), "8500000.50", "9200000"))
                .on(LocalDate.of(2025, 6, 20)).then(passedInspection("i-2", LocalDate.of(2025, 5, 1)));
    }

    /**
     * Approved, its works tendered for 19 days to a single bidder just under the estimate and completed
     * 59 days after signing; another works contract given directly, and two services awards split.
     */
    private static ProjectHistory uncompetitive() {
        return empty()
                .on(LocalDate.of(2025, 1, 2)).then(registered("20000000", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 12, 31)))
                .then(approved(LocalDate.of(2025, 1, 10)))
                .on(LocalDate.of(2025, 3, 1))
                .then(award("c-2", "construction", "open", 1,
                        period(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 8)), cny("5000000"), BUILDER,
                        "4987654.32"))
                .then(directAward("c-3", "construction", "Direct Co", "4500000.50"))
                .then(directAward("d-1", "design", "Split Co", "600000.50"))
                .then(directAward("d-2", "supervision", "Split Co", "450000"))
                .on(LocalDate.of(2025, 4, 29)).then(completed(LocalDate.of(2025, 4, 29), "9487654.82"));
    }

    private static List<RepeatWinner.Award> repeatedAwards() {
        return List.of(
                new RepeatWinner.Award(org.jianhu.contracts.common.OrganisationReference.named(BUILDER), OWNER, LocalDate.of(2025, 1, 1), "p-1", "c-1", 10),
                new RepeatWinner.Award(org.jianhu.contracts.common.OrganisationReference.named(BUILDER), OWNER, LocalDate.of(2025, 4, 1), "p-2", "c-1", 20),
                new RepeatWinner.Award(org.jianhu.contracts.common.OrganisationReference.named(BUILDER), OWNER, LocalDate.of(2025, 8, 1), "p-3", "c-1", 30));
    }

    private static List<SignalCondition> everyExplanation() {
        var catalogue = RiskCatalogue.standard();
        var conditions = new ArrayList<SignalCondition>();
        for (ProjectHistory history : List.of(troubled(), uncompetitive())) {
            conditions.addAll(catalogue.evaluate(history.facts(), Thresholds.defaults(), TODAY));
        }
        conditions.addAll(new RepeatWinner().evaluate(repeatedAwards(), Thresholds.defaults()));
        return conditions;
    }

    @Test
    void theSampleHistoriesTripEveryIndicator() {
        assertThat(everyExplanation()).extracting(SignalCondition::ruleId).containsAll(
                RiskCatalogue.standard().indicators().stream().map(Indicator::id).toList());
    }

    @Test
    void noExplanationPrintsARawFigure() {
        var raw = new ArrayList<String>();
        for (SignalCondition condition : everyExplanation()) {
            for (String explanation : List.of(condition.explanationZh(), condition.explanationEn())) {
                String withoutDates = ISO_DATE.matcher(explanation).replaceAll("DATE");
                RAW.forEach((what, pattern) -> {
                    if (pattern.matcher(withoutDates).find()) {
                        raw.add("%s in %s's \"%s\"".formatted(what, condition.ruleId(), explanation));
                    }
                });
            }
        }
        assertThat(raw).isEmpty();
    }

    @Test
    void everyIndicatorExplainsItsFindingAsAPersonWould() {
        var explained = new TreeMap<String, List<String>>();
        everyExplanation().forEach(c -> explained.put(c.ruleId() + " " + c.subject(),
                List.of(c.explanationZh(), c.explanationEn())));

        assertThat(explained).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                said("R01 project",
                        "资金支付进度36.3%，实物进度7.3%，超前29.1个百分点（超过15个百分点为黄色，超过30个百分点为红色）",
                        "Financial progress 36.3% is 29.1 points ahead of physical progress 7.3% "
                                + "(yellow above 15 points, red above 30 points)"),
                said("R02 payment:t-1",
                        "支付t-1（333.33万元）关联的里程碑m-1在支付日2025-03-15未完成（状态：计划中）",
                        "Payment t-1 (CNY 3,333,333.33) is linked to milestone m-1, not met on the payment date "
                                + "2025-03-15 (status: scheduled)"),
                said("R03 milestone:m-1",
                        "里程碑“主体结构完成 m-1”应于2025-03-01完成，已逾期184天（状态：计划中）",
                        "Milestone \"主体结构完成 m-1\" was due 2025-03-01 and is 184 days overdue (status: scheduled)"),
                said("R04 contract:c-1",
                        "合同c-1经3次价格变更累计增加154.57万元，占原合同价765.43万元的20.2%",
                        "Contract c-1 grew by CNY 1,545,678.91 over 3 change orders, 20.2% of its original value "
                                + "CNY 7,654,321.09"),
                said("R05 contract:c-1",
                        "合同c-1在365天内变更3次，90天内调整合同价3次",
                        "Contract c-1: 3 change orders within 365 days, 3 price changes within 90 days"),
                said("R06 inspection:i-1",
                        "2025-04-01的检查（主体结构）未通过，整改尚未核验（待整改），整改期限2025-05-01，已超期123天",
                        "Inspection of 2025-04-01 (主体结构) failed and its rectification is not verified "
                                + "(awaiting rectification); deadline 2025-05-01, 123 days past"),
                said("R07 project",
                        "合同总额占批复预算的115%，已支付占41.8%（预算800万元）",
                        "Contracts amount to 115% and payments to 41.8% of the approved budget CNY 8,000,000"),
                said("R08 payment:t-2",
                        "支付t-2（9,876.54元）的收款方“Cousin Trading Ltd”不是本项目任何合同的供应商",
                        "Payment t-2 (CNY 9,876.54) went to \"Cousin Trading Ltd\", who supplies none of the "
                                + "project's contracts"),
                said("R09 project",
                        "计划2025-06-30完工，预计2026-10-31完工，延误488天，占计划工期180天的271.1%",
                        "Planned to end 2025-06-30, forecast to end 2026-10-31: 488 days late, 271.1% of the "
                                + "planned 180 days"),
                said("R10 payment:t-1",
                        "2025-03-15支付333.33万元，但项目尚未批复",
                        "CNY 3,333,333.33 paid on 2025-03-15 before the project was approved"),
                said("R10 payment:t-2",
                        "2025-03-20支付9,876.54元，但项目尚未批复",
                        "CNY 9,876.54 paid on 2025-03-20 before the project was approved"),
                said("R10 project",
                        "2025-03-10已报告实物进度7.3%，但项目尚未批复",
                        "Physical progress 7.3% reported on 2025-03-10 before the project was approved"),
                said("R11 contract:c-2",
                        "合同c-2公开招标，仅1家投标",
                        "Contract c-2: open tender with 1 tenderer"),
                said("R12 contract:c-2",
                        "合同c-2招标期2025-01-20至2025-02-08仅19天，少于20天",
                        "Contract c-2: tender period 2025-01-20 to 2025-02-08 is 19 days, under 20 days"),
                said("R13 contract:c-3",
                        "合同c-3（施工）金额450万元，达到必须招标标准400万元，却以直接发包方式授予",
                        "Contract c-3 (construction) of CNY 4,500,000.50, at or above the must-tender threshold "
                                + "CNY 4,000,000, was procured by direct award"),
                said("R14 supplier:Split Co:servicesAmount",
                        "供应商“Split Co”在180天内获得2份均低于100万元的合同（d-1、d-2），合计105万元，达到必须招标标准",
                        "Supplier \"Split Co\" won 2 awards (d-1 and d-2) within 180 days, each under CNY 1,000,000, "
                                + "together CNY 1,050,000.50"),
                said("R15 supplier:Builder Co/buyer:Jianhu Water Bureau",
                        "供应商“Builder Co”在365天内从“Jianhu Water Bureau”获得3次授予（项目p-1、p-2、p-3）",
                        "Supplier \"Builder Co\" won 3 awards from \"Jianhu Water Bureau\" within 365 days "
                                + "(projects p-1, p-2 and p-3)"),
                said("R16 contract:c-2",
                        "合同c-2中标价498.77万元与控制价500万元仅相差0.2%",
                        "Contract c-2 was awarded at CNY 4,987,654.32, within 0.2% of the estimate CNY 5,000,000"),
                said("R17 project",
                        "施工合同c-2于2025-03-01签订，项目2025-04-29即竣工，仅用59天",
                        "Works contract c-2 signed 2025-03-01, project completed 2025-04-29: only 59 days"),
                said("R18 inspection:i-2",
                        "检查i-2（主体结构）发生于2025-05-01，2025-06-20才录入，迟报50天",
                        "Inspection i-2 (主体结构) of 2025-05-01 was recorded on 2025-06-20: 50 days late"))));
    }

    /**
     * The rarer turns of phrase: a payee not recorded, a contract paid before it was awarded, a tender
     * nobody bid on, an inspection without deadline, a delay measured at the actual completion.
     */
    @Test
    void findingsWithMissingOrZeroFiguresStillReadAsSentences() {
        var history = empty()
                .on(LocalDate.of(2025, 1, 2)).then(registered("20000000", LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 4, 11)))
                .then(approved(LocalDate.of(2025, 1, 10)))
                .on(LocalDate.of(2025, 2, 1)).then(payment("t-9", LocalDate.of(2025, 2, 1), "1200", null, "c-9", null))
                .then(failedInspection("i-2", LocalDate.of(2025, 2, 1), null))
                .on(LocalDate.of(2025, 3, 1)).then(award("c-9", "construction", "open", 0,
                        period(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 19)), null, BUILDER, "3000"))
                .on(LocalDate.of(2025, 4, 22)).then(completed(LocalDate.of(2025, 4, 22), "3000"));
        var explained = new TreeMap<String, List<String>>();
        RiskCatalogue.standard().evaluate(history.facts(), Thresholds.defaults(), TODAY).forEach(c ->
                explained.put(c.ruleId() + " " + c.subject(), List.of(c.explanationZh(), c.explanationEn())));

        assertThat(explained).containsAllEntriesOf(Map.ofEntries(
                said("R06 inspection:i-2",
                        "2025-02-01的检查（主体结构）未通过，整改尚未核验（待整改），未定整改期限",
                        "Inspection of 2025-02-01 (主体结构) failed and its rectification is not verified "
                                + "(awaiting rectification); no deadline set"),
                said("R08 payment:t-9",
                        "支付t-9（1,200元）的收款方（未登记）不是本项目任何合同的供应商",
                        "Payment t-9 (CNY 1,200) went to an unnamed party, who supplies none of the project's "
                                + "contracts"),
                said("R09 project",
                        "计划2025-04-11完工，实际2025-04-22完工，延误11天，占计划工期100天的11%",
                        "Planned to end 2025-04-11, ended 2025-04-22: 11 days late, 11% of the planned 100 days"),
                said("R10 payment:t-9",
                        "2025-02-01支付1,200元，但合同c-9尚未授予",
                        "CNY 1,200 paid on 2025-02-01 before contract c-9 was awarded"),
                said("R11 contract:c-9",
                        "合同c-9公开招标，无人投标",
                        "Contract c-9: open tender with no tenderers")));
    }

    private static Map.Entry<String, List<String>> said(String finding, String zh, String en) {
        return Map.entry(finding, List.of(zh, en));
    }
}
