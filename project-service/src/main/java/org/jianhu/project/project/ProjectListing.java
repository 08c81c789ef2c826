package org.jianhu.project.project;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.servicesupport.input.StorableText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the register of projects, a tracking processor off the write path: it follows the event
 * store within moments and catches up after any restart. The project's own state
 * ({@code GET /api/projects/{id}}) is always read from the events and never lags. A project whose
 * event cannot be applied is parked, and the others go on ({@code register/RegisterParking}).
 */
@Component
@ProcessingGroup(ProjectListing.PROCESSING_GROUP)
public class ProjectListing {

    public static final String PROCESSING_GROUP = "project-listing";

    private final JdbcTemplate jdbc;

    public ProjectListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        apply(event, sequenceNumber, recordedAt);
    }

    /** The event, the {@code sequenceNumber}-th of its project, applied to its row; one already applied changes nothing. */
    public void apply(ProjectEvent event, long sequenceNumber, Instant recordedAt) {
        if (event instanceof ProjectRegistered registered) {
            // a replay may bring the registration again
            jdbc.update("INSERT INTO project_listing (project_id, code, title, type, region, owner_organisation, "
                            + "supervisors, status, version, registered_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING",
                    registered.projectId(), StorableText.of(registered.code()), StorableText.of(registered.title()),
                    StorableText.of(registered.type()), StorableText.of(registered.region()),
                    StorableText.of(registered.ownerOrganisation()), textArray(registered.supervisors()),
                    ProjectLifecycle.UNREGISTERED.after(registered).status(), sequenceNumber,
                    java.sql.Timestamp.from(recordedAt), java.sql.Timestamp.from(recordedAt));
            return;
        }
        var current = jdbc.queryForMap("SELECT status, suspended FROM project_listing WHERE project_id = ?",
                event.projectId());
        if (event instanceof SupervisorsReassigned reassigned) {
            jdbc.update("UPDATE project_listing SET supervisors = ? WHERE project_id = ? AND version < ?",
                    textArray(reassigned.supervisors()), event.projectId(), sequenceNumber);
        }
        ProjectLifecycle lifecycle = new ProjectLifecycle((String) current.get("status"), (Boolean) current.get("suspended"))
                .after(event);
        jdbc.update("UPDATE project_listing SET status = ?, suspended = ?, version = ?, updated_at = ? "
                        + "WHERE project_id = ? AND version < ?",
                lifecycle.status(), lifecycle.suspended(),
                sequenceNumber, java.sql.Timestamp.from(recordedAt), event.projectId(), sequenceNumber);
    }

    /** Takes the project off the register, to list it anew from its first event. */
    public void forget(String projectId) {
        jdbc.update("DELETE FROM project_listing WHERE project_id = ?", projectId);
    }

    private static String[] textArray(List<String> values) {
        return values.stream().map(StorableText::of).toArray(String[]::new);
    }

}
