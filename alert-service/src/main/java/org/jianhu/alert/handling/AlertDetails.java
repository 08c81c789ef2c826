package org.jianhu.alert.handling;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** An alert with its whole timeline. */
public record AlertDetails(@JsonUnwrapped AlertSummary alert, List<TimelineEntry> timeline) {
}
