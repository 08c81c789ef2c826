package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 批复: the approval authority approved the project and its budget. */
@Revision("1")
public record ProjectApproved(String projectId, LocalDate approvalDate, String approvalDocumentNumber)
        implements ProjectEvent {
}
