package org.jianhu.supervision.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordingTest {

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    @Test
    void percentagesShowOneDecimalRoundedHalfUp() {
        assertThat(Wording.percent(bd("17.763157894737"))).isEqualTo("17.8%");
        assertThat(Wording.percent(bd("17.75"))).isEqualTo("17.8%");
        assertThat(Wording.percent(bd("17.749999999999"))).isEqualTo("17.7%");
    }

    @Test
    void wholePercentagesShowNoTrailingZero() {
        assertThat(Wording.percent(bd("11"))).isEqualTo("11%");
        assertThat(Wording.percent(bd("30.001"))).isEqualTo("30%");
        assertThat(Wording.percent(bd("99.96"))).isEqualTo("100%");
    }

    @Test
    void largePercentagesAreGrouped() {
        assertThat(Wording.percent(bd("1707.692307692308"))).isEqualTo("1,707.7%");
    }

    @Test
    void aPercentageRoundingToZeroHasNoSign() {
        assertThat(Wording.percent(bd("-0.04"))).isEqualTo("0%");
        assertThat(Wording.percent(bd("-2.25"))).isEqualTo("-2.3%");
    }

    @Test
    void pointsArePercentagesWithoutTheSign() {
        assertThat(Wording.pointsZh(bd("34.66"))).isEqualTo("34.7个百分点");
        assertThat(Wording.pointsEn(bd("34.66"))).isEqualTo("34.7 points");
        assertThat(Wording.pointsEn(bd("1"))).isEqualTo("1 point");
    }

    @Test
    void chineseMoneyFromTenThousandYuanUpIsInWanYuanWithAtMostTwoDecimals() {
        assertThat(Wording.moneyZh(bd("98000000"))).isEqualTo("9,800万元");
        assertThat(Wording.moneyZh(bd("98000000.00"))).isEqualTo("9,800万元");
        assertThat(Wording.moneyZh(bd("10000"))).isEqualTo("1万元");
        assertThat(Wording.moneyZh(bd("15000"))).isEqualTo("1.5万元");
        assertThat(Wording.moneyZh(bd("12345678.90"))).isEqualTo("1,234.57万元");
        assertThat(Wording.moneyZh(bd("12345449.99"))).isEqualTo("1,234.54万元");
    }

    @Test
    void chineseMoneyBelowTenThousandYuanIsInYuanWithGrouping() {
        assertThat(Wording.moneyZh(bd("3500"))).isEqualTo("3,500元");
        assertThat(Wording.moneyZh(bd("3500.00"))).isEqualTo("3,500元");
        assertThat(Wording.moneyZh(bd("3500.5"))).isEqualTo("3,500.50元");
        assertThat(Wording.moneyZh(bd("9999.99"))).isEqualTo("9,999.99元");
        assertThat(Wording.moneyZh(bd("0.5"))).isEqualTo("0.50元");
    }

    @Test
    void chineseMoneyDecidesTheUnitOnTheAmountRoundedToTheFen() {
        assertThat(Wording.moneyZh(bd("9999.995"))).isEqualTo("1万元");
    }

    @Test
    void negativeMoneyKeepsItsSignInFront() {
        assertThat(Wording.moneyZh(bd("-25000"))).isEqualTo("-2.5万元");
        assertThat(Wording.moneyEn(bd("-3500.5"))).isEqualTo("CNY -3,500.50");
    }

    @Test
    void englishMoneyIsInYuanWithTheCurrencyAndTheFenOnlyWhenThereAreAny() {
        assertThat(Wording.moneyEn(bd("98000000.00"))).isEqualTo("CNY 98,000,000");
        assertThat(Wording.moneyEn(bd("3500.50"))).isEqualTo("CNY 3,500.50");
        assertThat(Wording.moneyEn(bd("1234567.891"))).isEqualTo("CNY 1,234,567.89");
    }

    @Test
    void daysAreCountedInTheirLanguage() {
        assertThat(Wording.daysZh(1)).isEqualTo("1天");
        assertThat(Wording.daysZh(1200)).isEqualTo("1,200天");
        assertThat(Wording.daysEn(1)).isEqualTo("1 day");
        assertThat(Wording.daysEn(0)).isEqualTo("0 days");
        assertThat(Wording.daysEn(3)).isEqualTo("3 days");
    }

    @Test
    void thresholdsInDaysReadLikeCountedDays() {
        assertThat(Wording.daysZh(bd("365.00"))).isEqualTo("365天");
        assertThat(Wording.daysEn(bd("1"))).isEqualTo("1 day");
        assertThat(Wording.daysEn(bd("90"))).isEqualTo("90 days");
    }

    @Test
    void englishCountsAreSingularForOne() {
        assertThat(Wording.countEn(1, "change order", "change orders")).isEqualTo("1 change order");
        assertThat(Wording.countEn(2, "change order", "change orders")).isEqualTo("2 change orders");
        assertThat(Wording.countZh(3, "次")).isEqualTo("3次");
    }

    @Test
    void datesAreIsoInBothLanguages() {
        assertThat(Wording.date(LocalDate.of(2025, 3, 1))).isEqualTo("2025-03-01");
    }

    @Test
    void aMissingDateTitleOrCodeStillReads() {
        assertThat(Wording.date(null)).isEqualTo("—");
        assertThat(Wording.titleZh(null)).isEqualTo("—");
        assertThat(Wording.termEn(null)).isEqualTo("—");
    }

    @Test
    void aPartyIsNamedInQuotesOfItsLanguage() {
        assertThat(Wording.partyZh("建湖水务局")).isEqualTo("“建湖水务局”");
        assertThat(Wording.partyEn("Jianhu Water Bureau")).isEqualTo("\"Jianhu Water Bureau\"");
    }

    @Test
    void aPartyWithoutNameSaysSo() {
        assertThat(Wording.partyZh(null)).isEqualTo("（未登记）");
        assertThat(Wording.partyEn(null)).isEqualTo("an unnamed party");
    }

    @Test
    void listsReadAsSentencesDo() {
        assertThat(Wording.listZh(List.of("c-1", "c-2", "c-3"))).isEqualTo("c-1、c-2、c-3");
        assertThat(Wording.listEn(List.of("c-1"))).isEqualTo("c-1");
        assertThat(Wording.listEn(List.of("c-1", "c-2"))).isEqualTo("c-1 and c-2");
        assertThat(Wording.listEn(List.of("c-1", "c-2", "c-3"))).isEqualTo("c-1, c-2 and c-3");
    }

    @Test
    void codesOfTheEventsReadAsWordsAndUnknownCodesAsThemselves() {
        assertThat(Wording.termZh("direct")).isEqualTo("直接发包");
        assertThat(Wording.termEn("direct")).isEqualTo("direct award");
        assertThat(Wording.termZh("partiallyMet")).isEqualTo("部分完成");
        assertThat(Wording.termEn("partiallyMet")).isEqualTo("partially met");
        assertThat(Wording.termEn("construction")).isEqualTo("construction");
        assertThat(Wording.termZh("somethingNew")).isEqualTo("somethingNew");
    }
}
