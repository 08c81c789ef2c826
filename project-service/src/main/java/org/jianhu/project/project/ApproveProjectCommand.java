package org.jianhu.project.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** 批复: record the project's approval. */
public record ApproveProjectCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                    LocalDate approvalDate, String approvalDocumentNumber)
        implements ProjectAdministration {

    @Override
    public String activity() {
        return "record a project's approval";
    }
}
