package org.jianhu.alert.handling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record AlertSummary(UUID id, UUID signalId, String projectId, String ruleId, int ruleVersion, String subject,
                           String explanationZh, String explanationEn, String level, String signalLevel, String status,
                           String assigneeOrganisation, LocalDate deadline, String region, Instant raisedAt, Instant updatedAt) {
}
