package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ProjectSuspended(String projectId, LocalDate date, String reason) implements ProjectEvent {
}
