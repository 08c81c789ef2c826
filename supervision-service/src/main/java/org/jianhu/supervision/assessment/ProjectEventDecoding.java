package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jianhu.contracts.envelope.EventEnvelope;
import org.jianhu.contracts.project.ProjectEvent;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An envelope's payload as the event record its type names (the record's simple name), with every NUL
 * character (U+0000) of its texts and names read as U+FFFD. PostgreSQL stores no NUL, in text nor in jsonb,
 * and the project service accepted some before the input policy existed: read as they are, such events could
 * never be applied. Read this way, whatever supervision keeps of them (facts, titles, a signal's numbers and
 * explanation, the outbox) is storable, and an event is never poison for a character it holds.
 */
@Component
public class ProjectEventDecoding {

    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';
    private static final Map<String, Class<?>> TYPES = Arrays.stream(ProjectEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper json;

    ProjectEventDecoding(ObjectMapper json) {
        this.json = json;
    }

    /** Empty for a type this version does not know (a newer project service). */
    public Optional<ProjectEvent> decode(EventEnvelope envelope) {
        Class<?> type = TYPES.get(envelope.type());
        if (type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((ProjectEvent) json.treeToValue(storable(envelope.payload()), type));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalArgumentException("event " + envelope.eventId() + " is not a readable " + envelope.type(),
                    unreadable);
        }
    }

    /** The payload as it is, or a copy with U+FFFD for each NUL where it holds any. */
    static JsonNode storable(JsonNode payload) {
        return payload == null || !holdsNul(payload) ? payload : replacingNul(payload);
    }

    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf(NUL) >= 0;
        }
        if (node.properties().stream().anyMatch(field -> field.getKey().indexOf(NUL) >= 0)) {
            return true;
        }
        for (JsonNode child : node) {
            if (holdsNul(child)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode replacingNul(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.textValue().replace(NUL, REPLACEMENT));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(replacingNul(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(field -> copy.set(field.getKey().replace(NUL, REPLACEMENT),
                    replacingNul(field.getValue())));
            return copy;
        }
        return node;
    }
}
