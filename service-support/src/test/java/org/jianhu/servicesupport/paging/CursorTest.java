package org.jianhu.servicesupport.paging;

import org.jianhu.servicesupport.input.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    private static final Instant RAISED = Instant.parse("2026-03-01T02:00:00.123456Z");
    private static final UUID ID = UUID.fromString("0b6f2f8e-7f3a-4c55-9d0e-4a1d7c0e5b21");

    @Test
    void aCursorGivesBackTheKeyItWasMadeOfToItsOwnList() {
        String cursor = Cursor.encode("/api/alerts", List.of(RAISED, ID));

        Position position = Cursor.decode("/api/alerts", cursor).expecting(2);

        assertThat(position.instant(0)).isEqualTo(RAISED);
        assertThat(position.uuid(1)).isEqualTo(ID);
        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfAnotherListIsRefusedSayingWhoseItIs() {
        String cursor = Cursor.encode("/api/risk/signals", List.of(RAISED, ID));

        assertThatThrownBy(() -> Cursor.decode("/api/alerts", cursor)).isInstanceOf(InvalidInput.class)
                .hasMessage("after is a cursor of /api/risk/signals, not of /api/alerts: start again from the first "
                        + "page, leaving after out")
                .extracting(refusal -> ((InvalidInput) refusal).field()).isEqualTo("after");
    }

    @Test
    void anEditedCutShortOrMadeUpCursorIsRefusedInPlainWords() {
        String cursor = Cursor.encode("/api/alerts", List.of(RAISED, ID));
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(payload)).replace("2026", "2027").getBytes()) + cursor.substring(payload.length());

        for (String bad : List.of(edited, cursor.substring(0, cursor.length() - 3), payload, "." + cursor, "abc",
                "{\"raisedAt\":1}", "%%%", "a.b.c", "…")) {
            assertThatThrownBy(() -> Cursor.decode("/api/alerts", bad)).as(bad).isInstanceOf(InvalidInput.class)
                    .hasMessage("after is not a cursor this list gave out (changed, cut short or made up): start "
                            + "again from the first page, leaving after out");
        }
        assertThatThrownBy(() -> Cursor.decode("/api/alerts", " ")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("leave it out for the first page");
    }

    @Test
    void aCursorWhoseValuesAreNotOfTheListsKindIsRefused() {
        Position texts = Cursor.decode("/api/alerts", Cursor.encode("/api/alerts", List.of("yesterday", "nobody")));

        assertThatThrownBy(() -> texts.instant(0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> texts.uuid(1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> texts.text(2)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> texts.expecting(3)).isInstanceOf(InvalidInput.class);
    }
}
