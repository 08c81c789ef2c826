package org.jianhu.supervision.register;

import org.jianhu.contracts.common.Period;
import org.jianhu.supervision.risk.PaymentFact;
import org.jianhu.supervision.risk.ProgressObservation;
import org.jianhu.supervision.risk.ProjectFacts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The series a planned-versus-actual chart draws: physical progress as reported, payments summed
 * up by date (also as a share of Σ current contract values), and the plan, a straight line from 0 %
 * at the planned start to 100 % at the planned end, given at the start, the end and every date of
 * the actual series.
 */
record PlannedVersusActual(List<Point> physicalProgress, List<Paid> cumulativePayments, List<Point> planned) {

    record Point(LocalDate date, BigDecimal percent) {
    }

    /** @param percentOfContractValue null while nothing is contracted */
    record Paid(LocalDate date, BigDecimal cumulative, BigDecimal percentOfContractValue) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static PlannedVersusActual of(ProjectFacts facts) {
        List<Point> progress = facts.progressObservations().stream()
                .filter(observation -> observation.date() != null)
                .sorted(Comparator.comparing(ProgressObservation::date))
                .map(observation -> new Point(observation.date(), observation.percent()))
                .toList();
        List<Paid> payments = cumulativePayments(facts.payments(), facts.totalContractValue());
        List<LocalDate> actualDates = Stream.concat(progress.stream().map(Point::date),
                payments.stream().map(Paid::date)).toList();
        return new PlannedVersusActual(progress, payments, planned(facts.plannedPeriod(), actualDates));
    }

    private static List<Paid> cumulativePayments(List<PaymentFact> payments, BigDecimal contracted) {
        Map<LocalDate, BigDecimal> byDate = new TreeMap<>();
        payments.stream().filter(payment -> payment.date() != null)
                .forEach(payment -> byDate.merge(payment.date(), payment.value().amount(), BigDecimal::add));
        List<Paid> series = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> day : byDate.entrySet()) {
            cumulative = cumulative.add(day.getValue());
            series.add(new Paid(day.getKey(), cumulative, contracted.signum() > 0 ? percent(cumulative, contracted) : null));
        }
        return series;
    }

    private static List<Point> planned(Period period, List<LocalDate> actualDates) {
        if (period == null || period.startDate() == null || period.endDate() == null
                || period.endDate().isBefore(period.startDate())) {
            return List.of();
        }
        TreeSet<LocalDate> dates = new TreeSet<>(actualDates);
        dates.add(period.startDate());
        dates.add(period.endDate());
        long duration = ChronoUnit.DAYS.between(period.startDate(), period.endDate());
        return dates.stream().map(date -> new Point(date, plannedOn(date, period, duration))).toList();
    }

    private static BigDecimal plannedOn(LocalDate date, Period period, long duration) {
        if (date.isBefore(period.startDate())) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (duration == 0 || !date.isBefore(period.endDate())) {
            return HUNDRED.setScale(2);
        }
        return percent(BigDecimal.valueOf(ChronoUnit.DAYS.between(period.startDate(), date)), BigDecimal.valueOf(duration));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
