package org.jianhu.servicesupport.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the one shape every list of every service answers with: the items, and the cursor to
 * ask for the next page with ({@code after}), null on the last page. {@code total} only where counting is cheap
 * (the project register); left out elsewhere.
 */
public record Page<T>(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> items,
        // there as null on the last page, whatever the service's mapper leaves out
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "null"},
                description = "the cursor of the next page, to send as after; null on the last page") String next,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "how many items the filters match in all, where the list counts them") Long total) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page out of what a query fetched for {@code request} ({@link PageRequest#fetch()} rows, one more than
     * asked for: its presence says there is a next page), with the cursor after the last item kept.
     *
     * @param keyOf the item's values of the list's order, the unique tiebreaker last
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, List<?>> keyOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(items, Cursor.encode(request.list(), keyOf.apply(items.get(items.size() - 1))), null);
    }

    public Page<T> withTotal(long total) {
        return new Page<>(items, next, total);
    }
}
