package org.jianhu.supervision.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * "Within N days": dates that fit in one window of N consecutive calendar days, i.e. the last is
 * fewer than N days after the first (a pair 364 days apart is within 365 days; 365 apart is not).
 */
final class DayWindow {

    private DayWindow() {
    }

    /** The largest group of items whose dates fit in one window of {@code days} days, earliest first. */
    static <T> List<T> busiest(List<T> items, Function<T, LocalDate> dateOf, long days) {
        return windows(items, dateOf, days).stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
    }

    /** Every group of items starting at one item and fitting in a window of {@code days} days. */
    static <T> List<List<T>> windows(List<T> items, Function<T, LocalDate> dateOf, long days) {
        List<T> sorted = items.stream().filter(i -> dateOf.apply(i) != null)
                .sorted(Comparator.comparing(dateOf)).toList();
        var windows = new ArrayList<List<T>>();
        for (int first = 0; first < sorted.size(); first++) {
            var group = new ArrayList<T>();
            for (int next = first; next < sorted.size(); next++) {
                if (ChronoUnit.DAYS.between(dateOf.apply(sorted.get(first)), dateOf.apply(sorted.get(next))) < days) {
                    group.add(sorted.get(next));
                }
            }
            windows.add(group);
        }
        return windows;
    }
}
