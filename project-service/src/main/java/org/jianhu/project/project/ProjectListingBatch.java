package org.jianhu.project.project;

import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.contracts.project.SupervisorsReassigned;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The events of one batch of the listing's processor applied together: each project's row is read once, the events
 * change it in memory, and {@link ProjectListing} writes every row the batch changed at its end, one statement for all
 * the new rows and one for all the changed ones. The outcome is that of {@link ProjectListing#apply} event by event: a registration
 * lists a project not listed yet, a later event moves a row only when it is newer than the row's version (so a
 * replayed or redelivered event changes nothing), and an event of a project not listed fails.
 *
 * <p>Why: applied one by one, each event cost the listing four to five statements in the processor's transaction,
 * as many round trips as a command costs the writers (BENCHMARKS.md "Write path").
 */
public final class ProjectListingBatch {

    private final Function<String, Optional<Row>> listed;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** @param listed a project's row as listed before the batch, if it is */
    ProjectListingBatch(Function<String, Optional<Row>> listed) {
        this.listed = listed;
    }

    /** The event, the {@code sequenceNumber}-th of its project, applied to its row in memory. */
    void apply(ProjectEvent event, long sequenceNumber, Instant recordedAt) {
        Row row = rows.computeIfAbsent(event.projectId(),
                projectId -> listed.apply(projectId).orElseGet(() -> Row.unlisted(projectId)));
        if (event instanceof ProjectRegistered registered) {
            if (!row.listed()) {
                rows.put(event.projectId(), Row.registered(registered, sequenceNumber, recordedAt));
            }
            return;
        }
        if (!row.listed()) {
            throw new IllegalStateException("project " + event.projectId() + " is not listed, so its event "
                    + sequenceNumber + " cannot be applied");
        }
        ProjectLifecycle lifecycle = new ProjectLifecycle(row.status, row.suspended).after(event);
        if (sequenceNumber <= row.version) {
            return;
        }
        if (event instanceof SupervisorsReassigned reassigned) {
            row.supervisors = ProjectListing.textArray(reassigned.supervisors());
        }
        row.status = lifecycle.status();
        row.suspended = lifecycle.suspended();
        row.version = sequenceNumber;
        row.updatedAt = recordedAt;
        row.changed = true;
    }

    /** Rows of projects the batch registered, as the batch left them. */
    List<Row> registered() {
        return rows.values().stream().filter(row -> row.registration != null).toList();
    }

    /** Rows listed before the batch that it changed, as it left them. */
    List<Row> changed() {
        return rows.values().stream().filter(row -> row.registration == null && row.changed).toList();
    }

    /** A project's row as the batch has made it so far. */
    static final class Row {

        final String projectId;
        final boolean listed;
        final ProjectRegistered registration;
        final Instant registeredAt;
        String status;
        boolean suspended;
        long version;
        String[] supervisors;
        Instant updatedAt;
        boolean changed;

        private Row(String projectId, boolean listed, ProjectRegistered registration, Instant registeredAt) {
            this.projectId = projectId;
            this.listed = listed;
            this.registration = registration;
            this.registeredAt = registeredAt;
        }

        static Row listed(String projectId, String status, boolean suspended, long version, String[] supervisors) {
            Row row = new Row(projectId, true, null, null);
            row.status = status;
            row.suspended = suspended;
            row.version = version;
            row.supervisors = supervisors;
            return row;
        }

        static Row unlisted(String projectId) {
            return new Row(projectId, false, null, null);
        }

        static Row registered(ProjectRegistered registered, long sequenceNumber, Instant recordedAt) {
            Row row = new Row(registered.projectId(), true, registered, recordedAt);
            ProjectLifecycle lifecycle = ProjectLifecycle.UNREGISTERED.after(registered);
            row.status = lifecycle.status();
            row.suspended = lifecycle.suspended();
            row.version = sequenceNumber;
            row.supervisors = ProjectListing.textArray(registered.supervisors());
            row.updatedAt = recordedAt;
            return row;
        }

        boolean listed() {
            return listed;
        }
    }
}
