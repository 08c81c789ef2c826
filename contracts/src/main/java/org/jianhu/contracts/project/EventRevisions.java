package org.jianhu.contracts.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.jianhu.contracts.common.BusinessCalendar;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a stored project event of an older revision reads as the record it is now. The stored bytes never change
 * (the record's tree is over them); each reader lifts the payload on the way in: the project service's Axon
 * upcaster chain when it loads an aggregate, supervision when it decodes an envelope.
 *
 * <p>Revision 2 of ContractAwarded, TransactionRecorded and InspectionRecorded made their parties OC4IDS
 * organisation references ({@code {"id", "name"}}), a bare name becoming both; ContractAwarded gained
 * {@code dateSigned}, which revision 1 lacked: its award is dated on the business date it was recorded, as
 * supervision read it before.
 */
public final class EventRevisions {

    /** One step of one event type: the payload of {@code from} as it reads in {@code to}. */
    public record Step(String type, String from, String to, Lift lift) {
    }

    @FunctionalInterface
    public interface Lift {
        ObjectNode apply(ObjectNode payload, Instant recordedAt);
    }

    private static final List<Step> STEPS = List.of(
            new Step("ContractAwarded", "1", "2", (payload, recordedAt) -> {
                party(payload, "supplier");
                if (!payload.hasNonNull("dateSigned")) {
                    payload.put("dateSigned", BusinessCalendar.dateOf(recordedAt).toString());
                }
                return payload;
            }),
            new Step("TransactionRecorded", "1", "2", (payload, recordedAt) -> {
                party(payload, "payer");
                party(payload, "payee");
                return payload;
            }),
            new Step("InspectionRecorded", "1", "2", (payload, recordedAt) -> {
                party(payload, "inspector");
                return payload;
            }));

    private static final Map<String, String> CURRENT = Arrays.stream(ProjectEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName,
                    type -> type.getAnnotation(Revision.class).value()));

    private EventRevisions() {
    }

    public static List<Step> steps() {
        return STEPS;
    }

    /** The revision the event's record has now (its {@code @Revision}); null for a type this version lacks. */
    public static String current(String type) {
        return CURRENT.get(type);
    }

    /**
     * The payload of {@code type} stored in {@code revision} as the current record reads it; a copy, the given
     * node is left alone. A revision no step leads from (a newer one) is returned as it is.
     */
    public static JsonNode lift(String type, String revision, JsonNode payload, Instant recordedAt) {
        if (!(payload instanceof ObjectNode object) || Objects.equals(revision, current(type))) {
            return payload;
        }
        ObjectNode lifted = object.deepCopy();
        String at = revision;
        for (Step step : STEPS) {
            if (step.type().equals(type) && step.from().equals(at)) {
                lifted = step.lift().apply(lifted, recordedAt);
                at = step.to();
            }
        }
        return lifted;
    }

    private static void party(ObjectNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value != null && value.isTextual()) {
            ObjectNode reference = JsonNodeFactory.instance.objectNode();
            reference.put("id", value.asText());
            reference.put("name", value.asText());
            payload.set(field, reference);
        }
    }
}
