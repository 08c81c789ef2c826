package org.jianhu.alert.stream;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jianhu.alert.handling.AlertSummary;
import org.jianhu.alert.handling.TimelineEntry;

/**
 * One step as the stream sends it: the timeline row and, in {@code alert}, the alert as it stands when the step
 * goes out (project code and title, rule, colour, explanations), so a live feed shows it without a second request.
 */
record StreamedStep(@JsonUnwrapped TimelineEntry entry, AlertSummary alert) {
}
