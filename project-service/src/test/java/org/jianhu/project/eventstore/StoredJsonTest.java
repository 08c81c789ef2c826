package org.jianhu.project.eventstore;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jianhu.contracts.common.Period;
import org.jianhu.contracts.project.MilestonePlanned;
import org.jianhu.contracts.project.ProjectRegistered;
import org.jianhu.project.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jianhu.contracts.common.Money.cny;

/** What was once stored reads back, however long its values: the limits of the store's serializer are on purpose. */
class StoredJsonTest {

    /** Accepted before the input policy, and since then a key of every snapshot of its project. */
    private static final String MILESTONE_ID = "m".repeat(100_000);

    private final ObjectMapper serviceMapper = Jackson2ObjectMapperBuilder.json().build();
    private final Serializer serializer = new EventStoreConfiguration()
            .serializer(serviceMapper, new AnnotationRevisionResolver());

    @Test
    void aSnapshotKeyedByAHundredThousandCharacterIdReadsBack() {
        SerializedObject<byte[]> stored = serializer.serialize(projectWithMilestone(MILESTONE_ID), byte[].class);

        ProjectState read = serializer.deserialize(stored);

        assertThat(read.milestone(MILESTONE_ID)).isNotNull();
    }

    @Test
    void jacksonsDefaultLimitsWouldLeaveThatProjectUnloadable() {
        byte[] stored = serializer.serialize(projectWithMilestone(MILESTONE_ID), byte[].class).getData();

        assertThatThrownBy(() -> serviceMapper.readValue(stored, ProjectState.class))
                .hasRootCauseInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("Name length (65536) exceeds the maximum allowed (50000");
    }

    private static ProjectState projectWithMilestone(String milestoneId) {
        ProjectState state = new ProjectState();
        state.apply(new ProjectRegistered("p-1", "XS-1", "Ring road", "construction", "330109", "owner",
                cny("1000"), new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)), List.of("sup-li")));
        state.apply(new MilestonePlanned("p-1", milestoneId, "Works commence", "delivery", null,
                LocalDate.of(2025, 5, 15), null));
        return state;
    }
}
