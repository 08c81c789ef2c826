package org.jianhu.supervision.register;

import org.jianhu.contracts.common.Money;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.ContractAwarded;
import org.jianhu.contracts.project.ProgressReported;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.TransactionRecorded;
import org.jianhu.supervision.risk.ProjectFacts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlannedVersusActualTest {

    private final ProjectFacts facts = new ProjectFacts("p-1");
    private long position = 100;

    @Test
    void progressIsChartedAsReportedAndThePlanRunsLinearlyFromStartToEnd() {
        registered("2026-01-01", "2026-12-31");
        progress("2026-04-01", "20");
        progress("2026-07-01", "35");

        PlannedVersusActual series = PlannedVersusActual.of(facts);

        assertThat(series.physicalProgress()).extracting(PlannedVersusActual.Point::date)
                .containsExactly(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"));
        assertThat(series.physicalProgress().get(1).percent()).isEqualByComparingTo("35");
        assertThat(series.planned()).extracting(PlannedVersusActual.Point::date).containsExactly(
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-12-31"));
        assertThat(series.planned()).extracting(PlannedVersusActual.Point::percent)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0"), new BigDecimal("24.73"), new BigDecimal("49.73"),
                        new BigDecimal("100"));
    }

    @Test
    void paymentsAddUpByDateAsAShareOfTheContractValues() {
        registered("2026-01-01", "2026-12-31");
        apply(new ContractAwarded("p-1", "c-1", "construction", "open", 3, null, null, org.jianhu.contracts.common.OrganisationReference.named("builder-zhao"),
                Money.cny("2000000.00"), null, LocalDate.parse("2026-02-01")));
        pay("t-1", "2026-03-01", "300000.00");
        pay("t-2", "2026-03-01", "100000.00");
        pay("t-3", "2026-02-01", "100000.00");

        List<PlannedVersusActual.Paid> paid = PlannedVersusActual.of(facts).cumulativePayments();

        assertThat(paid).extracting(PlannedVersusActual.Paid::date)
                .containsExactly(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
        assertThat(paid.get(1).cumulative()).isEqualByComparingTo("500000.00");
        assertThat(paid.get(1).percentOfContractValue()).isEqualByComparingTo("25");
        assertThat(paid.get(0).percentOfContractValue()).isEqualByComparingTo("5");
    }

    @Test
    void withoutContractsOrPlanTheSharesAndThePlanAreLeftOut() {
        apply(new ProjectRegistered("p-1", "C-1", "Road", "construction", "Haishu", "transport-bureau",
                Money.cny("1000000.00"), null, List.of()));
        pay("t-1", "2026-03-01", "300000.00");

        PlannedVersusActual series = PlannedVersusActual.of(facts);

        assertThat(series.cumulativePayments().get(0).percentOfContractValue()).isNull();
        assertThat(series.planned()).isEmpty();
    }

    private void registered(String start, String end) {
        apply(new ProjectRegistered("p-1", "C-1", "Road", "construction", "Haishu", "transport-bureau",
                Money.cny("10000000.00"), new Period(LocalDate.parse(start), LocalDate.parse(end)), List.of()));
    }

    private void progress(String date, String percent) {
        apply(new ProgressReported("p-1", new BigDecimal(percent), LocalDate.parse(date)));
    }

    private void pay(String transactionId, String date, String amount) {
        apply(new TransactionRecorded("p-1", transactionId, TransactionRecorded.PAYMENT, LocalDate.parse(date),
                Money.cny(amount), org.jianhu.contracts.common.OrganisationReference.named("transport-bureau"), org.jianhu.contracts.common.OrganisationReference.named("builder-zhao"), "c-1", null));
    }

    private void apply(org.jianhu.contracts.project.ProjectEvent event) {
        facts.apply(event, position++, Instant.parse("2026-01-01T02:00:00Z"), Duration.ofMinutes(10));
    }
}
