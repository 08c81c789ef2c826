package org.jianhu.servicesupport.paging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The key of the last item of the page before, read back from its cursor, value by value in the list's order.
 * A value that is not of the kind the list orders by means the cursor is no cursor of this list: refused.
 */
public record Position(List<String> values) {

    public Position {
        values = List.copyOf(values);
    }

    public String text(int index) {
        if (index >= values.size()) {
            throw Cursor.unknown();
        }
        return values.get(index);
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(text(index));
        } catch (DateTimeParseException unreadable) {
            throw Cursor.unknown();
        }
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(text(index));
        } catch (IllegalArgumentException unreadable) {
            throw Cursor.unknown();
        }
    }

    /** The list orders by exactly this many values: a cursor with more or fewer is not one of its. */
    public Position expecting(int count) {
        if (values.size() != count) {
            throw Cursor.unknown();
        }
        return this;
    }
}
