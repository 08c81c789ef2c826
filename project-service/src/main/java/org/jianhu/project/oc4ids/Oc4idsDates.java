package org.jianhu.project.oc4ids;

import org.jianhu.contracts.common.BusinessCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * OC4IDS writes instants (date-time); Jianhu records business dates in Asia/Shanghai. A date is exported as
 * the start of its day there, so that it reads back as the same date.
 */
final class Oc4idsDates {

    private Oc4idsDates() {
    }

    /** @return the business date on which the instant falls, or null when the text is no date-time */
    static LocalDate businessDate(String dateTime) {
        try {
            return BusinessCalendar.dateOf(OffsetDateTime.parse(dateTime).toInstant());
        } catch (DateTimeParseException notADateTime) {
            return null;
        }
    }

    static String dateTime(LocalDate date) {
        return date.atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
