package org.jianhu.contracts.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A span of business days (Asia/Shanghai dates), OCDS {@code period}; both ends inclusive. */
public record Period(LocalDate startDate, LocalDate endDate) {

    @JsonIgnore
    public boolean isOrdered() {
        return startDate == null || endDate == null || !endDate.isBefore(startDate);
    }

    public long days() {
        return ChronoUnit.DAYS.between(startDate, endDate);
    }
}
