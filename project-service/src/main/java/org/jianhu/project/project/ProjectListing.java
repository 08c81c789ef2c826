package org.jianhu.project.project;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.jianhu.servicesupport.input.StorableText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the register of projects, a tracking processor off the write path: it follows the event
 * store within moments and catches up after any restart. The project's own state
 * ({@code GET /api/projects/{id}}) is always read from the events and never lags. The processor's batches are
 * applied together ({@link ProjectListingBatch}); a project whose event cannot be applied is parked, and the others
 * go on ({@code register/RegisterParking}).
 */
@Component
@ProcessingGroup(ProjectListing.PROCESSING_GROUP)
public class ProjectListing {

    public static final String PROCESSING_GROUP = "project-listing";
    private static final String BATCH = ProjectListingBatch.class.getName();

    private final JdbcTemplate jdbc;

    public ProjectListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Into the processor's batch where one is open ({@link #openBatch}), else applied at once. */
    @EventHandler
    void on(ProjectEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            UnitOfWork<?> unitOfWork) {
        ProjectListingBatch batch = unitOfWork.root().getResource(BATCH);
        if (batch != null) {
            batch.apply(event, sequenceNumber, recordedAt);
        } else {
            apply(event, sequenceNumber, recordedAt);
        }
    }

    /**
     * From now on the events handled in {@code unitOfWork} (a batch of the processor) are applied together, written
     * when it prepares to commit ({@link ProjectListingBatch}); a failure to write fails the batch, and {@code
     * writeFailed} hears of it first.
     */
    public void openBatch(UnitOfWork<?> unitOfWork, Runnable writeFailed) {
        ProjectListingBatch batch = new ProjectListingBatch(this::listed);
        unitOfWork.root().resources().put(BATCH, batch);
        unitOfWork.root().onPrepareCommit(committing -> {
            try {
                write(batch);
            } catch (RuntimeException failed) {
                writeFailed.run();
                throw failed;
            }
        });
    }

    private Optional<ProjectListingBatch.Row> listed(String projectId) {
        return jdbc.query("SELECT status, suspended, version, supervisors FROM project_listing WHERE project_id = ?",
                (result, index) -> ProjectListingBatch.Row.listed(projectId, result.getString("status"),
                        result.getBoolean("suspended"), result.getLong("version"),
                        (String[]) result.getArray("supervisors").getArray()), projectId).stream().findFirst();
    }

    /** What the batch changed, with the guards of {@link #apply}: a project listed already, a version not older. */
    private void write(ProjectListingBatch batch) {
        List<Object[]> inserts = batch.registered().stream().map(row -> new Object[]{row.projectId,
                StorableText.of(row.registration.code()), StorableText.of(row.registration.title()),
                StorableText.of(row.registration.type()), StorableText.of(row.registration.region()),
                StorableText.of(row.registration.ownerOrganisation()), row.supervisors, row.status, row.suspended,
                row.version, java.sql.Timestamp.from(row.registeredAt), java.sql.Timestamp.from(row.updatedAt)})
                .toList();
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO project_listing (project_id, code, title, type, region, owner_organisation, "
                    + "supervisors, status, suspended, version, registered_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING", inserts);
        }
        List<Object[]> updates = batch.changed().stream().map(row -> new Object[]{row.supervisors, row.status,
                row.suspended, row.version, java.sql.Timestamp.from(row.updatedAt), row.projectId, row.version})
                .toList();
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE project_listing SET supervisors = ?, status = ?, suspended = ?, version = ?, "
                    + "updated_at = ? WHERE project_id = ? AND version < ?", updates);
        }
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

    static String[] textArray(List<String> values) {
        return values.stream().map(StorableText::of).toArray(String[]::new);
    }

}
