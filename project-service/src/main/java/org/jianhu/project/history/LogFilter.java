package org.jianhu.project.history;

import org.jianhu.contracts.project.ProjectEvent;

import java.util.Optional;

/** Which events of the global log an export serves: one project's, one type's, or both; empty for all. */
public record LogFilter(Optional<String> projectId, Optional<Class<? extends ProjectEvent>> type) {

    public static final LogFilter EVERYTHING = new LogFilter(Optional.empty(), Optional.empty());

    /**
     * @param type an event type as the API names it ({@code TransactionRecorded}); an unknown one is refused with
     *             the names there are
     */
    public static LogFilter of(String projectId, String type) {
        return new LogFilter(Optional.ofNullable(projectId).filter(id -> !id.isBlank()),
                Optional.ofNullable(type).filter(name -> !name.isBlank()).map(ProjectEventTypes::named));
    }
}
