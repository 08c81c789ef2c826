package org.jianhu.project.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.List;

/** Name the responsible supervisors anew (an administrator's act). */
public record ReassignSupervisorsCommand(@TargetAggregateIdentifier String projectId, @TargetAggregateVersion Long expectedVersion,
                                         List<String> supervisors, String reason) implements ProjectAdministration {

    @Override
    public String activity() {
        return "name a project's supervisors";
    }
}
