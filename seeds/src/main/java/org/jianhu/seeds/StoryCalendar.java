package org.jianhu.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The portfolio tells the two years up to the day it was designed for. Supervision judges it by
 * today's date (overdue milestones, silent projects, passed deadlines), so loaded on a later day the
 * story would age and its colours drift. Every business date is therefore moved by the same number of
 * days, and the story ends today, whenever it is loaded.
 */
public record StoryCalendar(long shiftDays) {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The calendar that moves a story designed for {@code designedFor} to end on {@code today}. */
    public static StoryCalendar endingOn(LocalDate today, LocalDate designedFor) {
        return new StoryCalendar(ChronoUnit.DAYS.between(designedFor, today));
    }

    /** The calendar a project was loaded with before, read off one of its dates as designed and as recorded. */
    public static StoryCalendar recordedAs(LocalDate recorded, LocalDate designed) {
        return new StoryCalendar(ChronoUnit.DAYS.between(designed, recorded));
    }

    public LocalDate move(LocalDate date) {
        return date == null ? null : date.plusDays(shiftDays);
    }

    /** A copy of a request body with every ISO date in it moved. */
    public JsonNode move(JsonNode body) {
        if (shiftDays == 0 || body == null) {
            return body;
        }
        if (body.isTextual() && ISO_DATE.matcher(body.asText()).matches()) {
            return TextNode.valueOf(LocalDate.parse(body.asText()).plusDays(shiftDays).toString());
        }
        if (body.isObject()) {
            ObjectNode moved = ((ObjectNode) body).objectNode();
            body.fields().forEachRemaining(field -> moved.set(field.getKey(), move(field.getValue())));
            return moved;
        }
        if (body.isArray()) {
            ArrayNode moved = ((ArrayNode) body).arrayNode();
            body.forEach(element -> moved.add(move(element)));
            return moved;
        }
        return body;
    }
}
