package org.jianhu.project.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Works resume after a suspension. */
public record ResumeProjectCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                   LocalDate date, String reason) implements ProjectAdministration {

    @Override
    public String activity() {
        return "resume a project";
    }
}
