package org.jianhu.supervision.assessment;

import org.jianhu.contracts.common.BusinessCalendar;
import org.jianhu.supervision.risk.ProjectFacts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * As of which business date a project is judged. A project's initial load is the run of its events from its
 * registration on in which each was recorded within {@code jianhu.assessment.catch-up-gap} (10 minutes) of the one
 * before: a history being entered in one go. While it lasts, the rules that fire on time passing judge as of the
 * business date the history has reached ({@link ProjectFacts#reachedDate()}), so a history of 2017 entered today is
 * judged, step by step, as it was lived. It is over once an event is recorded more than the gap after the one
 * before, or once its last event was recorded the gap ago (quiet): from the first judgement after that on, the
 * project is judged as of today, and the risk view remembers since when ({@code caught_up_at}), so it is never
 * caught up again. {@link EndingInitialLoads} judges the quiet ones promptly, as nothing else might for a day.
 */
@Component
class InitialLoads {

    private final Duration gap;
    private final Clock clock;

    InitialLoads(@Value("${jianhu.assessment.catch-up-gap:10m}") Duration gap, Clock clock) {
        this.gap = gap;
        this.clock = clock;
    }

    Duration gap() {
        return gap;
    }

    /** The date a stored project is judged as of now; the first judgement after its initial load marks it caught up. */
    LocalDate judgingDay(RiskProject project) {
        Instant now = clock.instant();
        if (project.caughtUpAt() == null) {
            if (project.facts().catchingUpAt(now, gap)) {
                return project.facts().reachedDate();
            }
            project.caughtUp(now);
        }
        return BusinessCalendar.dateOf(now);
    }

    /**
     * The date facts folded from the events recorded by {@code asOf} are judged as of, as the service judged them
     * then: the reached date while the initial load had not been quiet for the gap, {@code asOf}'s date after.
     */
    LocalDate judgingDayAsOf(ProjectFacts facts, Instant asOf) {
        return facts.catchingUpAt(asOf, gap) ? facts.reachedDate() : BusinessCalendar.dateOf(asOf);
    }

    /** The instant by which a quiet initial load's last event was recorded, as of now. */
    Instant quietSince() {
        return clock.instant().minus(gap);
    }
}
