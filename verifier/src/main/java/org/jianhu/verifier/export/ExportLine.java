package org.jianhu.verifier.export;

import org.jianhu.verifier.event.StoredEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the project service's NDJSON export ({@code GET /api/events}): the event envelope as every consumer
 * reads it, {@code stored} with what the envelope leaves out or re-serialises (aggregate type, payload type, the
 * payload and metadata bytes exactly as stored, base64), and {@code leaf}, where the log's tree placed it, when it
 * has yet.
 *
 * <p>The stored event is read from the envelope's exact fields and from {@code stored}; the envelope's readable
 * {@code type}, {@code payload} and {@code metadata} must say what the stored record says, or the line
 * {@link #disagreement() disagrees} with itself: an export could otherwise show one payload and prove another.
 */
public record ExportLine(StoredEvent event, Optional<ClaimedLeaf> claimedLeaf, Optional<String> disagreement) {

    /** Where the log's own tree says this event is: its leaf index and leaf hash. Not trusted; a hint where to look. */
    public record ClaimedLeaf(long index, byte[] hash) {
    }

    public static ExportLine parse(String line) {
        Map<String, Object> envelope = object(Json.parse(line), "the line");
        Map<String, Object> stored = object(envelope.get("stored"), "stored");
        long position = number(envelope, "globalPosition");
        String payloadType = text(stored, "payloadType");
        byte[] payload = bytes(stored, "payload");
        byte[] metaData = optionalBytes(stored, "metaData");
        StoredEvent event = new StoredEvent(position, text(envelope, "eventId"), text(envelope, "projectId"),
                number(envelope, "sequenceNumber"), optionalText(stored, "aggregateType"), payloadType,
                optionalText(envelope, "revision"), instant(envelope, "recordedAt"), payload, metaData);
        return new ExportLine(event, claimedLeaf(envelope.get("leaf")), disagreement(envelope, event));
    }

    private static Optional<String> disagreement(Map<String, Object> envelope, StoredEvent event) {
        String simpleName = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        if (!simpleName.equals(envelope.get("type"))) {
            return Optional.of("its type " + envelope.get("type") + " is not the stored " + event.payloadType());
        }
        Optional<Object> payload = readable(event.payload());
        if (payload.isEmpty() || !Json.same(envelope.get("payload"), payload.get())) {
            return Optional.of("its readable payload is not the stored payload");
        }
        Optional<Object> metadata = event.metaData() == null ? Optional.of(Map.of()) : readable(event.metaData());
        if (metadata.isEmpty() || !Json.same(envelope.get("metadata"), metadata.get())) {
            return Optional.of("its readable metadata is not the stored metadata");
        }
        return Optional.empty();
    }

    private static Optional<Object> readable(byte[] stored) {
        try {
            return Optional.of(Json.parse(stored));
        } catch (MalformedJson notJson) {
            return Optional.empty();
        }
    }

    private static Optional<ClaimedLeaf> claimedLeaf(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        Map<String, Object> leaf = object(value, "leaf");
        return Optional.of(new ClaimedLeaf(number(leaf, "index"), bytes(leaf, "hash")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MalformedJson(what + " is not a JSON object");
    }

    private static String text(Map<String, Object> object, String field) {
        if (object.get(field) instanceof String text) {
            return text;
        }
        throw new MalformedJson(field + " is missing or not text");
    }

    private static String optionalText(Map<String, Object> object, String field) {
        Object value = object.get(field);
        return value == null || value == Json.NULL ? null : text(object, field);
    }

    private static long number(Map<String, Object> object, String field) {
        if (object.get(field) instanceof BigDecimal number) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                throw new MalformedJson(field + " is not a whole number");
            }
        }
        throw new MalformedJson(field + " is missing or not a number");
    }

    private static byte[] bytes(Map<String, Object> object, String field) {
        try {
            return Base64.getDecoder().decode(text(object, field));
        } catch (IllegalArgumentException notBase64) {
            throw new MalformedJson(field + " is not base64");
        }
    }

    private static byte[] optionalBytes(Map<String, Object> object, String field) {
        Object value = object.get(field);
        return value == null || value == Json.NULL ? null : bytes(object, field);
    }

    private static Instant instant(Map<String, Object> object, String field) {
        try {
            return Instant.parse(text(object, field));
        } catch (DateTimeParseException notAnInstant) {
            throw new MalformedJson(field + " is not an ISO-8601 instant");
        }
    }
}
