package org.jianhu.servicesupport.paging;

import org.jianhu.servicesupport.input.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    @Test
    void aPageHoldsAtMostTheLimitAndPointsPastItsLastItemWhenMoreWereFound() {
        PageRequest request = PageRequest.first("/api/things", 2);

        Page<String> page = Page.of(List.of("a", "b", "c"), request, item -> List.of(item));

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(Cursor.decode("/api/things", page.next()).text(0)).isEqualTo("b");
        assertThat(request.fetch()).isEqualTo(3);
    }

    @Test
    void theLastPageHasNoNext() {
        Page<String> page = Page.of(List.of("a", "b"), PageRequest.first("/api/things", 2), item -> List.of(item));

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).isNull();
        assertThat(page.total()).isNull();
        assertThat(page.withTotal(7).total()).isEqualTo(7);
    }

    @Test
    void aLimitIsAWholeNumberFromOneTo500AndFiftyWhenLeftOut() {
        assertThat(PageRequest.of("/api/things", null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of("/api/things", "500", null).limit()).isEqualTo(500);
        assertThat(PageRequest.of("/api/things", "1", null).after()).isEmpty();
        assertThatThrownBy(() -> PageRequest.of("/api/things", "501", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("limit must be a whole number from 1 to 500 (items on one page), not 501");
        assertThatThrownBy(() -> PageRequest.of("/api/things", "0", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("limit must be a whole number from 1 to 500 (items on one page), not 0");
        assertThatThrownBy(() -> PageRequest.of("/api/things", "ten", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("limit must be a whole number from 1 to 500, not 'ten'");
        assertThatThrownBy(() -> PageRequest.of("/api/things", "99999999999", null)).isInstanceOf(InvalidInput.class);
    }
}
