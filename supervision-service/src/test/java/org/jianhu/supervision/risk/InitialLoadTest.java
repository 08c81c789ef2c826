package org.jianhu.supervision.risk;

import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.contracts.project.ProjectEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jianhu.supervision.risk.ProjectHistory.*;

/** The initial load: a history entered in one go, and the business date it has reached. */
class InitialLoadTest {

    private static final Instant ENTERED = Instant.parse("2026-12-02T02:00:00Z");
    private final ProjectFacts facts = new ProjectFacts(PROJECT);
    private long position;

    private InitialLoadTest recordedAt(Instant at, ProjectEvent event) {
        facts.apply(event, ++position, at, GAP);
        return this;
    }

    private static ProjectEvent registration() {
        return registered("20000000", LocalDate.of(2017, 3, 1), LocalDate.of(2018, 10, 31));
    }

    @Test
    void eventsRecordedWithinTheGapOfTheOneBeforeFromTheRegistrationOnAreTheInitialLoad() {
        recordedAt(ENTERED, registration())
                .recordedAt(ENTERED.plusSeconds(599), approved(LocalDate.of(2017, 2, 15)))
                .recordedAt(ENTERED.plusSeconds(1198), progress("10", LocalDate.of(2017, 5, 15)));

        assertThat(facts.catchingUp()).isTrue();
        assertThat(facts.catchingUpAt(ENTERED.plusSeconds(1198 + 599), GAP)).isTrue();
        assertThat(facts.catchingUpAt(ENTERED.plusSeconds(1198 + 600), GAP)).as("quiet for the gap").isFalse();
    }

    @Test
    void anEventRecordedMoreThanTheGapAfterTheOneBeforeEndsTheInitialLoadForGood() {
        recordedAt(ENTERED, registration())
                .recordedAt(ENTERED.plusSeconds(601), approved(LocalDate.of(2017, 2, 15)))
                .recordedAt(ENTERED.plusSeconds(602), progress("10", LocalDate.of(2017, 5, 15)));

        assertThat(facts.catchingUp()).isFalse();
    }

    @Test
    void aProjectWhoseFirstEventKnownIsNoRegistrationIsNoInitialLoad() {
        recordedAt(ENTERED, approved(LocalDate.of(2017, 2, 15)));

        assertThat(facts.catchingUp()).isFalse();
    }

    @Test
    void theReachedDateIsTheLatestBusinessDateSoFarAndOnlyMovesOn() {
        recordedAt(ENTERED, registration());
        assertThat(facts.reachedDate()).as("no fact with a date yet").isNull();

        recordedAt(ENTERED.plusSeconds(1), progress("10", LocalDate.of(2017, 5, 15)))
                .recordedAt(ENTERED.plusSeconds(2), approved(LocalDate.of(2017, 2, 15)))
                .recordedAt(ENTERED.plusSeconds(3), milestone("m-9", LocalDate.of(2019, 1, 1)));

        assertThat(facts.reachedDate()).isEqualTo(LocalDate.of(2017, 5, 15));
    }

    @Test
    void theReachedDateNeverPassesTheDateOfRecording() {
        recordedAt(ENTERED, registration())
                .recordedAt(ENTERED.plusSeconds(1), payment("t-1", LocalDate.of(2027, 1, 31), "1", BUILDER, null, null));

        assertThat(facts.reachedDate()).isEqualTo(BusinessCalendar.dateOf(ENTERED));
    }

    @Test
    void aFactRecordedDuringTheInitialLoadIsRecordedAsOfTheDateTheHistoryHadReached() {
        recordedAt(ENTERED, registration())
                .recordedAt(ENTERED.plusSeconds(1), progress("10", LocalDate.of(2017, 6, 25)))
                .recordedAt(ENTERED.plusSeconds(2), payment("t-1", LocalDate.of(2017, 5, 20), "1", BUILDER, null, null));

        assertThat(facts.payments()).singleElement().satisfies(payment ->
                assertThat(payment.recorded()).isEqualTo(new Recording(ENTERED.plusSeconds(2), LocalDate.of(2017, 6, 25))));
    }

    @Test
    void aFactRecordedOnALiveProjectIsRecordedAsOfItsDateOfRecording() {
        Instant later = Instant.parse("2025-04-10T02:00:00Z");
        recordedAt(ENTERED.minusSeconds(86_400 * 700), registration())
                .recordedAt(later, payment("t-1", LocalDate.of(2025, 3, 1), "1", BUILDER, null, null));

        assertThat(facts.payments().get(0).recorded().asOf()).isEqualTo(LocalDate.of(2025, 4, 10));
    }
}
