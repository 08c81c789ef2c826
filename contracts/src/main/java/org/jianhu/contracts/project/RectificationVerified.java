package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 核验: someone checked the reported rectification. Rejected ({@code accepted == false}) sends the
 * inspection back to awaiting rectification.
 */
@Revision("1")
public record RectificationVerified(String projectId, String inspectionId, LocalDate date, String verifier,
                                    boolean accepted, String comment) implements ProjectEvent {
}
