package org.jianhu.supervision.signal;

import org.jianhu.contracts.signal.RiskSignalChanged;
import org.jianhu.supervision.risk.ProjectFacts;
import org.jianhu.supervision.risk.RiskLevel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The project as every signal change carries it: who may read the signal's alert comes from here. */
public record ProjectDetails(String region, String code, String title, String ownerOrganisation,
                             List<String> supervisors) {

    public static ProjectDetails of(ProjectFacts project) {
        // Before its registration arrives a project has no supervisors known: unknown, which is not "none".
        boolean registered = project.registrationPosition() != null;
        return new ProjectDetails(project.region(), project.code(), project.title(), project.ownerOrganisation(),
                registered ? project.supervisors() : null);
    }

    RiskSignalChanged change(RiskSignal signal, ChangeType type, RiskLevel level, RiskLevel previous, Instant at) {
        return new RiskSignalChanged(UUID.randomUUID(), signal.id(), signal.projectId(), signal.ruleId(),
                signal.ruleVersion(), signal.subject(), type.wireName(), level.name(),
                previous == null ? null : previous.name(), signal.numbers(), signal.evidence(),
                signal.explanationZh(), signal.explanationEn(), at, region, code, title, ownerOrganisation,
                supervisors);
    }
}
