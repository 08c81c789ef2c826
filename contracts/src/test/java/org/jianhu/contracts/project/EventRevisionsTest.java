package org.jianhu.contracts.project;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The revision policy of README.md holds only if every event names its revision. */
class EventRevisionsTest {

    @Test
    void everyProjectEventNamesItsRevision() {
        assertThat(Arrays.stream(ProjectEvent.class.getPermittedSubclasses())
                .filter(type -> type.getAnnotation(Revision.class) == null)
                .map(Class::getSimpleName)).isEmpty();
    }

    @Test
    void everyProjectEventIsARecord() {
        assertThat(Arrays.stream(ProjectEvent.class.getPermittedSubclasses()).filter(type -> !type.isRecord())
                .map(Class::getSimpleName)).isEmpty();
    }
}
