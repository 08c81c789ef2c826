package org.jianhu.project.oc4ids;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.project.directory.Account;
import org.jianhu.project.directory.AccountDirectory;
import org.jianhu.project.history.ProjectStates;
import org.jianhu.project.history.StoredEvents;
import org.jianhu.project.project.Actor;
import org.jianhu.project.web.UnknownProject;
import org.springframework.stereotype.Component;

import java.util.List;

/** Exports a project's record as an OC4IDS project package, for those who may read the project. */
@Component
public class ProjectPackages {

    private final StoredEvents storedEvents;
    private final ProjectStates states;
    private final AccountDirectory accounts;

    public ProjectPackages(StoredEvents storedEvents, ProjectStates states, AccountDirectory accounts) {
        this.storedEvents = storedEvents;
        this.states = states;
        this.accounts = accounts;
    }

    public ObjectNode export(String projectId, Actor actor) {
        List<EventEnvelope> events = storedEvents.ofProject(projectId);
        var project = states.of(events).orElseThrow(() -> new UnknownProject(projectId));
        actor.requireReading(project.state());
        return ProjectPackage.of(events.stream().map(storedEvents::eventOf).toList(),
                events.get(events.size() - 1).recordedAt(),
                id -> accounts.find(id).map(Account::name).orElse(id));
    }
}
