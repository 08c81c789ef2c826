package org.jianhu.project.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.time.LocalDate;

/** Works stop for a stated reason. */
public record SuspendProjectCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                    LocalDate date, String reason) implements ProjectAdministration {

    @Override
    public String activity() {
        return "suspend a project";
    }
}
