package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 整改: the owner says the findings of an inspection were put right. */
@Revision("1")
public record RectificationReported(String projectId, String inspectionId, LocalDate date, String description)
        implements ProjectEvent {
}
