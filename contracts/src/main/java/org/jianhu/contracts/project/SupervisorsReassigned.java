package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The responsible supervisors (监护人) now are exactly {@code supervisors}. */
@Revision("1")
public record SupervisorsReassigned(String projectId, List<String> previousSupervisors, List<String> supervisors,
                                    String reason) implements ProjectEvent {
}
