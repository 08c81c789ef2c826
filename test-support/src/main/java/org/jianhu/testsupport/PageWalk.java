package org.jianhu.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walks a paged list as a client does: the first page, then each page {@code after} the one before's
 * {@code next}, until a page's {@code next} is null. Every page must have the one shape ({@code items}, and
 * {@code next} always there); a list that never ends fails the walk.
 */
public final class PageWalk {

    private static final int MOST_PAGES = 1_000;

    private PageWalk() {
    }

    /** @param pageAfter the page after a cursor (null: the first page), as the service answered it */
    public static Walked walk(Function<String, JsonNode> pageAfter) {
        return from(pageAfter.apply(null), pageAfter);
    }

    /** The walk on from a first page already read. */
    public static Walked from(JsonNode first, Function<String, JsonNode> pageAfter) {
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = first;
        while (true) {
            if (!page.path("items").isArray() || !page.has("next")) {
                throw new AssertionError("not a page of items with a next: " + page);
            }
            pages.add(page);
            if (page.get("next").isNull()) {
                return new Walked(pages);
            }
            if (!page.get("next").isTextual() || pages.size() >= MOST_PAGES) {
                throw new AssertionError("the list does not end, or next is no cursor: " + page.get("next"));
            }
            page = pageAfter.apply(page.get("next").asText());
        }
    }

    /** The pages a walk read, in order. */
    public record Walked(List<JsonNode> pages) {

        public List<JsonNode> items() {
            List<JsonNode> items = new ArrayList<>();
            pages.forEach(page -> page.get("items").forEach(items::add));
            return items;
        }

        /** The text of one field of every item, in the walk's order. */
        public List<String> values(String field) {
            return items().stream().map(item -> item.path(field).asText(null)).toList();
        }

        /** How many items each page held. */
        public List<Integer> sizes() {
            return pages.stream().map(page -> page.get("items").size()).toList();
        }
    }
}
