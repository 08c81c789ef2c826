package org.jianhu.project.project;

import org.jianhu.contracts.project.ProjectLifecycle;
import org.jianhu.contracts.project.SupervisorsReassigned;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianhu.project.project.ProjectEvents.PROJECT_ID;

/**
 * A batch of the listing applied together ends where the same events applied one by one would: a registration lists
 * a project once, later events move its row only when newer than its version, an event of a project not listed fails;
 * and each project's row is read once per batch.
 */
class ProjectListingBatchTest {

    private static final Instant AT = Instant.parse("2025-09-15T08:00:00Z");

    private final Map<String, ProjectListingBatch.Row> before = new HashMap<>();
    private int reads;
    private final ProjectListingBatch batch = new ProjectListingBatch(projectId -> {
        reads++;
        return Optional.ofNullable(before.get(projectId));
    });

    @Test
    void aProjectRegisteredInTheBatchIsWrittenOnceAsItsLastEventLeftIt() {
        batch.apply(ProjectEvents.registered(), 0, AT);
        batch.apply(ProjectEvents.approved(), 1, AT.plusSeconds(1));
        batch.apply(ProjectEvents.suspended(), 2, AT.plusSeconds(2));

        assertThat(batch.changed()).isEmpty();
        assertThat(batch.registered()).singleElement().satisfies(row -> {
            assertThat(row.version).isEqualTo(2);
            assertThat(row.suspended).isTrue();
            assertThat(row.status).isEqualTo(new ProjectLifecycle(null, false).after(ProjectEvents.registered())
                    .after(ProjectEvents.approved()).status());
            assertThat(row.registeredAt).isEqualTo(AT);
            assertThat(row.updatedAt).isEqualTo(AT.plusSeconds(2));
            assertThat(row.supervisors).containsExactly("li.ming", "wang.fang");
        });
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void eventsNoNewerThanTheListedVersionChangeNothingAndANewerOneMovesTheRow() {
        before.put(PROJECT_ID, ProjectListingBatch.Row.listed(PROJECT_ID, "implementation", false, 5,
                new String[]{"li.ming"}));

        batch.apply(ProjectEvents.registered(), 0, AT);
        batch.apply(ProjectEvents.suspended(), 4, AT);
        batch.apply(ProjectEvents.suspended(), 5, AT);
        assertThat(batch.registered()).isEmpty();
        assertThat(batch.changed()).isEmpty();

        batch.apply(new SupervisorsReassigned(PROJECT_ID, List.of("li.ming"), List.of("zhao.lei"), "rotation"), 6, AT);
        batch.apply(ProjectEvents.suspended(), 7, AT.plusSeconds(7));
        assertThat(batch.changed()).singleElement().satisfies(row -> {
            assertThat(row.version).isEqualTo(7);
            assertThat(row.suspended).isTrue();
            assertThat(row.supervisors).containsExactly("zhao.lei");
            assertThat(row.updatedAt).isEqualTo(AT.plusSeconds(7));
        });
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void anEventOfAProjectNotListedFails() {
        assertThatThrownBy(() -> batch.apply(ProjectEvents.approved(), 1, AT))
                .hasMessageContaining(PROJECT_ID).hasMessageContaining("not listed");
    }
}
