package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ProjectResumed(String projectId, LocalDate date, String reason) implements ProjectEvent {
}
