package org.jianhu.alert.handling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record AlertSummary(UUID id, UUID signalId, String projectId, String ruleId, int ruleVersion, String subject,
                           String explanationZh, String explanationEn, String level, String signalLevel, String status,
                           String assigneeOrganisation, LocalDate deadline, String region, String projectCode,
                           String projectTitle, String ownerOrganisation, List<String> supervisors, Instant raisedAt,
                           Instant updatedAt) {
}
