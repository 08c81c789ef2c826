package org.jianhu.alert.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A rectification is due today at the earliest and within two years at the latest. */
class DeadlinesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void aDeadlineFromTodayToTwoYearsAheadIsTaken() {
        assertThat(Deadlines.fault(TODAY, TODAY)).isEmpty();
        assertThat(Deadlines.fault(LocalDate.of(2028, 3, 1), TODAY)).isEmpty();
    }

    @Test
    void aDeadlineInThePastOrBeyondTwoYearsIsRefusedNamingIt() {
        assertThat(Deadlines.fault(LocalDate.of(2026, 2, 28), TODAY))
                .contains("deadline must be today (2026-03-01) or later, not 2026-02-28");
        assertThat(Deadlines.fault(LocalDate.of(2028, 3, 2), TODAY))
                .contains("deadline must be within two years (2028-03-01 at the latest), not 2028-03-02");
        assertThat(Deadlines.fault(null, TODAY)).contains("deadline is required");
    }
}
