package org.jianhu.alert.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The body every channel carries for one alert change: the step, and the alert as it left it. */
public record AlertNotice(UUID alertId, long position, String step, String level, String signalLevel, String status,
                          String projectId, String projectCode, String projectTitle, String region, String ruleId,
                          int ruleVersion, String subject, String explanationZh, String explanationEn,
                          List<String> supervisors, String comment, Instant occurredAt) {

    /** The project as people name it: its code and title, or its id while supervision has not described it. */
    String projectName() {
        return projectCode == null ? projectId : projectCode + (projectTitle == null ? "" : " " + projectTitle);
    }
}
