package org.jianhu.supervision.risk;

import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.MilestoneStatusReported;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the rules write figures, names and codes into their explanations, in Chinese ({@code …Zh}) and
 * English ({@code …En}): the one place that rounds or groups anything a person reads. A signal's
 * {@code numbers} stay exact; only the sentences round.
 *
 * <p>Chinese is written as official texts write it, a figure and its unit run together and no spaces
 * around figures or codes ({@code 延误11天，占计划工期100天的11%}); English puts a space before units
 * other than {@code %} ({@code 11 days}, {@code CNY 3,500}).
 */
final class Wording {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    /**
     * What a date, title or code missing from the facts reads as, in both languages: events recorded
     * before the project service required them may lack them, and an explanation must still be written.
     */
    static final String ABSENT = "—";

    /** What the codes of the events mean in each language; a code not listed is shown as it is. */
    private static final Map<String, String> TERMS_ZH = Map.ofEntries(
            Map.entry(ContractAwarded.OPEN, "公开招标"),
            Map.entry(ContractAwarded.SELECTIVE, "邀请招标"),
            Map.entry(ContractAwarded.LIMITED, "有限竞争"),
            Map.entry(ContractAwarded.DIRECT, "直接发包"),
            Map.entry(ContractAwarded.CONSTRUCTION, "施工"),
            Map.entry(ContractAwarded.DESIGN, "设计"),
            Map.entry(ContractAwarded.SUPERVISION, "监理"),
            Map.entry("goods", "货物"),
            Map.entry(MilestoneStatusReported.SCHEDULED, "计划中"),
            Map.entry(MilestoneStatusReported.MET, "已完成"),
            Map.entry(MilestoneStatusReported.NOT_MET, "未完成"),
            Map.entry(MilestoneStatusReported.PARTIALLY_MET, "部分完成"),
            Map.entry(InspectionFacts.AWAITING, "待整改"),
            Map.entry(InspectionFacts.REPORTED, "整改已报告、待核验"),
            Map.entry(InspectionFacts.VERIFIED, "整改已核验"),
            Map.entry(InspectionFacts.NOT_REQUIRED, "无需整改"),
            Map.entry("unknown", "未知"));

    private static final Map<String, String> TERMS_EN = Map.ofEntries(
            Map.entry(ContractAwarded.OPEN, "open tender"),
            Map.entry(ContractAwarded.SELECTIVE, "selective tender"),
            Map.entry(ContractAwarded.LIMITED, "limited tender"),
            Map.entry(ContractAwarded.DIRECT, "direct award"),
            Map.entry(MilestoneStatusReported.NOT_MET, "not met"),
            Map.entry(MilestoneStatusReported.PARTIALLY_MET, "partially met"),
            Map.entry(InspectionFacts.AWAITING, "awaiting rectification"),
            Map.entry(InspectionFacts.REPORTED, "rectification reported"),
            Map.entry(InspectionFacts.VERIFIED, "rectification verified"),
            Map.entry(InspectionFacts.NOT_REQUIRED, "no rectification required"));

    private Wording() {
    }

    /**
     * A percentage (or a share already in percent) to one decimal, half up; a whole value shows no
     * {@code .0} ({@code 17.8%}, {@code 11%}), so thresholds read as they were set. The same in both
     * languages.
     */
    static String percent(BigDecimal value) {
        return decimal(value, 1) + "%";
    }

    /** A difference of percentages: {@code 34.7个百分点}. */
    static String pointsZh(BigDecimal value) {
        return decimal(value, 1) + "个百分点";
    }

    /** A difference of percentages: {@code 34.7 points}, {@code 1 point}. */
    static String pointsEn(BigDecimal value) {
        return counted(decimal(value, 1), "point", "points");
    }

    /**
     * Money in yuan, rounded to the fen: from 1万 up in 万元 with at most two decimals and trailing
     * zeros dropped ({@code 9,800万元}, {@code 1,234.57万元}); below in 元, with the fen only when there are
     * any ({@code 3,500元}, {@code 3,500.50元}).
     */
    static String moneyZh(BigDecimal amount) {
        BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP);
        if (fen.abs().compareTo(TEN_THOUSAND) >= 0) {
            return decimal(fen.divide(TEN_THOUSAND), 2) + "万元";
        }
        return yuan(fen) + "元";
    }

    /**
     * Money in yuan with the currency, the fen only when there are any:
     * {@code CNY 98,000,000}, {@code CNY 3,500.50}.
     */
    static String moneyEn(BigDecimal amount) {
        return "CNY " + yuan(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** A number of days: {@code 11天}. */
    static String daysZh(long days) {
        return countZh(days, "天");
    }

    /** A threshold in days (whole, see {@link ThresholdUnit}): {@code 365天}. */
    static String daysZh(BigDecimal days) {
        return decimal(days, 2) + "天";
    }

    /** A number of days: {@code 1 day}, {@code 3 days}. */
    static String daysEn(long days) {
        return countEn(days, "day", "days");
    }

    /** A threshold in days (whole, see {@link ThresholdUnit}): {@code 365 days}. */
    static String daysEn(BigDecimal days) {
        return counted(decimal(days, 2), "day", "days");
    }

    /** A count with its measure word: {@code 3次}, {@code 2份}. */
    static String countZh(long count, String measureWord) {
        return decimal(BigDecimal.valueOf(count), 0) + measureWord;
    }

    /** A count with its noun, singular for one: {@code 1 change order}, {@code 3 change orders}. */
    static String countEn(long count, String one, String many) {
        return counted(decimal(BigDecimal.valueOf(count), 0), one, many);
    }

    /** A business date, ISO in both languages: {@code 2025-03-01}. */
    static String date(LocalDate date) {
        return date == null ? ABSENT : date.toString();
    }

    /**
     * A party (supplier, payee, buyer) by its name, in Chinese quotes: {@code “建湖水务局”}. It takes the
     * name, not the party, so it serves plain names and organisation references alike.
     */
    static String partyZh(String name) {
        return name == null ? "（未登记）" : quotedZh(name);
    }

    /** A party by its name, in quotes: {@code "Jianhu Water Bureau"}. */
    static String partyEn(String name) {
        return name == null ? "an unnamed party" : quotedEn(name);
    }

    /** A title given by people (a milestone's): {@code “主体结构完成”}. */
    static String titleZh(String title) {
        return title == null ? ABSENT : quotedZh(title);
    }

    /** A title given by people: {@code "Main structure complete"}. */
    static String titleEn(String title) {
        return title == null ? ABSENT : quotedEn(title);
    }

    /** Ids or names listed: {@code c-1、c-2、c-3}. */
    static String listZh(List<String> items) {
        return String.join("、", items);
    }

    /** Ids or names listed: {@code c-1}, {@code c-1 and c-2}, {@code c-1, c-2 and c-3}. */
    static String listEn(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** A code of the events (procurement method, contract nature, status) in Chinese words: {@code 公开招标}. */
    static String termZh(String code) {
        return code == null ? ABSENT : TERMS_ZH.getOrDefault(code, code);
    }

    /** A code of the events in English words: {@code open tender}, {@code not met}. */
    static String termEn(String code) {
        return code == null ? ABSENT : TERMS_EN.getOrDefault(code, code);
    }

    private static String quotedZh(String text) {
        return "“" + text + "”";
    }

    private static String quotedEn(String text) {
        return "\"" + text + "\"";
    }

    private static String counted(String figure, String one, String many) {
        return figure + " " + ("1".equals(figure) ? one : many);
    }

    /** Yuan with grouping, the fen shown only when there are any. */
    private static String yuan(BigDecimal fen) {
        boolean whole = fen.remainder(BigDecimal.ONE).signum() == 0;
        return whole ? decimal(fen, 0) : grouped(fen, "#,##0.00");
    }

    /** Grouped, half up to at most {@code decimals} places, trailing zeros dropped, never "-0". */
    private static String decimal(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = BigDecimal.ZERO;
        }
        return grouped(rounded, decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals));
    }

    // A DecimalFormat per call: it is not thread-safe, and projects are assessed on several threads at once.
    private static String grouped(BigDecimal value, String pattern) {
        var format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
