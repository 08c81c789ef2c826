package org.jianhu.project.bench.portfolio;

import org.jianhu.contracts.common.BusinessCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A generated portfolio of major projects in Zhejiang: from a seed, the same projects with the same commands every
 * time. Project {@code i} depends only on the seed, {@code i} and the portfolio's date, so any project can be made
 * alone, by any thread, in any order.
 *
 * <p>The portfolio stands as of {@link #STANDING_DATE} (or today, if that is earlier): facts of later dates have not
 * happened. A fixed date keeps the portfolio the same from one day to the next; judged on a later day, milestones due
 * since then show overdue, as they would if nobody had recorded anything since.
 */
record Portfolio(long seed, int size, LocalDate asOf) {

    /** The last day the generated facts may fall on. */
    static final LocalDate STANDING_DATE = LocalDate.of(2026, 12, 1);

    Portfolio {
        if (size < 1 || size > 99_999) {
            throw new IllegalArgumentException("a portfolio holds 1 to 99,999 projects (codes have five digits), not "
                    + size);
        }
    }

    /** The portfolio as of its standing date, or today in Asia/Shanghai when that is earlier. */
    static Portfolio of(long seed, int size, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        return new Portfolio(seed, size, today.isBefore(STANDING_DATE) ? today : STANDING_DATE);
    }

    PlannedProject project(int index) {
        return ProjectLife.of(seed, index, asOf);
    }

    Stream<PlannedProject> projects() {
        return IntStream.range(0, size).mapToObj(this::project);
    }
}
