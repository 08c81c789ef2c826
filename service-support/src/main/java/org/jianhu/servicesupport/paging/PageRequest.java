package org.jianhu.servicesupport.paging;

import org.jianhu.servicesupport.input.InvalidInput;

import java.util.Optional;

/**
 * What a caller asks of a list: at most {@code limit} items, after the position a cursor names (none: from the
 * first). A handler takes it as a parameter ({@link PageRequests} reads {@code limit} and {@code after}); a
 * repository fetches {@link #fetch()} rows in the list's order from {@link #after()} and makes the
 * {@link Page} of them.
 *
 * @param list the list the cursors belong to (its path, {@code /api/alerts}): another list's cursor is refused
 */
public record PageRequest(String list, int limit, Optional<Position> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    static final String LIMIT = "limit";

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " items, not " + limit);
        }
    }

    /** The request as the query parameters say it (each may be null), refused naming the parameter at fault. */
    public static PageRequest of(String list, String limit, String after) {
        return new PageRequest(list, limit(limit),
                after == null ? Optional.empty() : Optional.of(Cursor.decode(list, after)));
    }

    public static PageRequest first(String list, int limit) {
        return new PageRequest(list, limit, Optional.empty());
    }

    /** How many rows to fetch: one more than the page holds, which tells whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        String range = "a whole number from 1 to " + MAX_LIMIT;
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new InvalidInput(LIMIT, LIMIT + " must be " + range + ", not '" + text + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput(LIMIT, LIMIT + " must be " + range + " (items on one page), not " + limit);
        }
        return limit;
    }
}
