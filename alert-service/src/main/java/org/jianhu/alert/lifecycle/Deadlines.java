package org.jianhu.alert.lifecycle;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** When an assigned alert's rectification may be due: today at the earliest, two years ahead at the latest. */
public final class Deadlines {

    public static final Period HORIZON = Period.ofYears(2);

    private Deadlines() {
    }

    /** @return what is wrong with the deadline, naming it, or nothing */
    public static Optional<String> fault(LocalDate deadline, LocalDate today) {
        if (deadline == null) {
            return Optional.of("deadline is required");
        }
        if (deadline.isBefore(today)) {
            return Optional.of("deadline must be today (" + today + ") or later, not " + deadline);
        }
        LocalDate latest = today.plus(HORIZON);
        if (deadline.isAfter(latest)) {
            return Optional.of("deadline must be within two years (" + latest + " at the latest), not " + deadline);
        }
        return Optional.empty();
    }
}
