package org.jianhu.contracts.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates are dates in Asia/Shanghai: a fact's date (a payment's, an award's) and the date on which an
 * instant (an event's recording) fell, as every service reads it.
 */
public final class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessCalendar() {
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
