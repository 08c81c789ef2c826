package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The project is closed without completion; nothing more may be recorded on it. */
@Revision("1")
public record ProjectCancelled(String projectId, LocalDate date, String reason) implements ProjectEvent {
}
