package org.jianhu.project.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Close the project without completion. */
public record CancelProjectCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                   LocalDate date, String reason) implements ProjectAdministration {

    @Override
    public String activity() {
        return "cancel a project";
    }
}
