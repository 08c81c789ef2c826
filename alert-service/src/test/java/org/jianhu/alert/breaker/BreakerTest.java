package org.jianhu.alert.breaker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** How each outcome moves a destination's breaker: a plain function of the breaker, the outcome and the time. */
class BreakerTest {

    private static final BreakerPolicy POLICY = new BreakerPolicy(3, Duration.ofSeconds(30), 2, Duration.ofMinutes(2));
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    @Test
    void failuresBelowTheThresholdKeepItClosedAndCountInARow() {
        Breaker twice = Breaker.CLOSED.afterFailure("HTTP 503", NOW, POLICY).afterFailure("timeout", NOW, POLICY);

        assertThat(twice.state(NOW)).isEqualTo(BreakerState.CLOSED);
        assertThat(twice.consecutiveFailures()).isEqualTo(2);
        assertThat(twice.lastError()).isEqualTo("timeout");
        assertThat(twice.afterSuccess()).isEqualTo(Breaker.CLOSED);
    }

    @Test
    void theThresholdsFailureOpensItForOpenForThenItProbes() {
        Breaker open = failed(3);

        assertThat(open.state(NOW)).isEqualTo(BreakerState.OPEN);
        assertThat(open.openUntil()).isEqualTo(NOW.plusSeconds(30));
        assertThat(open.opened(failed(2))).isTrue();
        assertThat(open.state(NOW.plusSeconds(29))).isEqualTo(BreakerState.OPEN);
        assertThat(open.state(NOW.plusSeconds(30))).isEqualTo(BreakerState.PROBING);
        assertThat(open.seenAt(NOW)).isEqualTo(new DestinationState("open", 3, NOW.plusSeconds(30), "timeout"));
    }

    @Test
    void aFailedProbeOpensItAgainEachTimeForLongerUpToTheMaximum() {
        Instant probe = NOW.plusSeconds(30);
        Breaker again = failed(3).afterFailure("HTTP 503", probe, POLICY);
        assertThat(again.openUntil()).isEqualTo(probe.plusSeconds(60));
        assertThat(again.opened(failed(3))).isTrue();

        Instant third = again.openUntil();
        Breaker longer = again.afterFailure("HTTP 503", third, POLICY);
        assertThat(longer.openUntil()).isEqualTo(third.plusSeconds(120));
        Breaker capped = longer.afterFailure("HTTP 503", longer.openUntil(), POLICY);
        assertThat(capped.openUntil()).isEqualTo(longer.openUntil().plus(Duration.ofMinutes(2)));
        assertThat(capped.consecutiveFailures()).isEqualTo(6);
    }

    @Test
    void aSuccessfulProbeClosesItAndTheNextOpeningIsShortAgain() {
        Breaker closed = failed(3).afterFailure("HTTP 503", NOW.plusSeconds(30), POLICY).afterSuccess();

        assertThat(closed.seenAt(NOW)).isEqualTo(new DestinationState("closed", 0, null, null));
        Breaker reopened = closed.afterFailure("x", NOW, POLICY).afterFailure("x", NOW, POLICY)
                .afterFailure("x", NOW, POLICY);
        assertThat(reopened.openUntil()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aTryBegunBeforeItOpenedCountsButLeavesTheOpeningAsItIs() {
        Breaker open = failed(3);
        Breaker late = open.afterFailure("timeout", NOW.plusSeconds(5), POLICY);

        assertThat(late.openUntil()).isEqualTo(open.openUntil());
        assertThat(late.consecutiveFailures()).isEqualTo(4);
        assertThat(late.opened(open)).isFalse();
    }

    private static Breaker failed(int times) {
        Breaker breaker = Breaker.CLOSED;
        for (int i = 0; i < times; i++) {
            breaker = breaker.afterFailure("timeout", NOW, POLICY);
        }
        return breaker;
    }
}
