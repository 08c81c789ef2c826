package org.jianhu.project.project;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jianhu.contracts.project.ProjectRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims a project's code in the transaction that records its registration (a subscribing
 * processor), so two registrations of one code cannot both commit, even on two instances at once.
 * Only registrations pay for this; every other write stays one INSERT.
 */
@Component
@ProcessingGroup(ProjectCodes.PROCESSING_GROUP)
public class ProjectCodes {

    public static final String PROCESSING_GROUP = "project-codes";

    private final JdbcTemplate jdbc;

    public ProjectCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectRegistered registered) {
        jdbc.update("INSERT INTO project_code (code, project_id) VALUES (?, ?)", registered.code(),
                registered.projectId());
    }

    public boolean isTaken(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM project_code WHERE code = ?)", Boolean.class, code));
    }
}
