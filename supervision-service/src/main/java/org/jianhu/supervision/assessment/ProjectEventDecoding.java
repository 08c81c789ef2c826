package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.EventRevisions;
import org.jianhu.contracts.project.ProjectEvent;
import org.jianhu.servicesupport.input.StorableText;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An envelope's payload as the event record its type names (the record's simple name). Envelopes carry the
 * payload as it was stored, in the revision it was stored in: it is lifted to the current record first
 * ({@link EventRevisions}), e.g. a revision-1 award, which had no {@code dateSigned}, reads as signed on the
 * business date it was recorded, and a bare party name as a party of that name.
 */
@Component
public class ProjectEventDecoding {

    private static final Map<String, Class<?>> TYPES = Arrays.stream(ProjectEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper json;

    ProjectEventDecoding(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Empty for a type this version does not know (a newer project service). Text is read storable: a NUL the
     * project service accepted before its input policy existed would otherwise make every write of the project's
     * risk view fail.
     */
    public Optional<ProjectEvent> decode(EventEnvelope envelope) {
        Class<?> type = TYPES.get(envelope.type());
        if (type == null) {
            return Optional.empty();
        }
        try {
            var lifted = EventRevisions.lift(envelope.type(), envelope.revision(), envelope.payload(),
                    envelope.recordedAt());
            return Optional.of((ProjectEvent) json.treeToValue(StorableText.of(lifted), type));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("event " + envelope.eventId() + " is not a readable " + envelope.type(),
                    unreadable);
        }
    }
}
